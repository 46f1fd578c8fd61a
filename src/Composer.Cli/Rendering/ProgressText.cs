using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>Words shared by the plain and terminal renderers, so both read the same.</summary>
internal static class ProgressText
{
    public static string Kind(ResourceKind kind) => kind switch
    {
        ResourceKind.Container => "Container",
        ResourceKind.Network => "Network",
        ResourceKind.Volume => "Volume",
        ResourceKind.Service => "Service",
        ResourceKind.Image => "Image",
        _ => kind.ToString(),
    };

    /// <summary>"1.2MB/3.4MB" as docker prints layer progress (decimal units); empty when the total is unknown.</summary>
    public static string Bytes(long? current, long? total) =>
        total is { } size ? $"{Size(current ?? 0)}/{Size(size)}" : string.Empty;

    private static string Size(long bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        var value = (double)bytes;
        var unit = 0;
        while (value >= 1000 && unit < units.Length - 1)
        {
            value /= 1000;
            unit++;
        }

        return value.ToString(unit == 0 ? "0" : "0.0", System.Globalization.CultureInfo.InvariantCulture) + units[unit];
    }

    public static string Elapsed(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "s";
}
