using System.Globalization;

namespace Composer.Cli.Output;

/// <summary>Sizes in the engine's decimal units (1.23MB), as the docker CLI prints image sizes and layer progress.</summary>
internal static class ByteSizes
{
    private static readonly string[] Units = ["B", "kB", "MB", "GB", "TB"];

    public static string Format(long bytes)
    {
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1000 && unit < Units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.##", CultureInfo.InvariantCulture) + Units[unit];
    }
}
