using System.Globalization;

namespace Composer.Orchestration.Inspection;

/// <summary>
/// Stats columns as the docker CLI prints them: memory in binary units (MiB, 4 significant digits), network and block
/// I/O in decimal units (kB, 3 significant digits), percentages with two decimals.
/// </summary>
public static class StatsText
{
    private static readonly string[] BinaryUnits = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    private static readonly string[] DecimalUnits = ["B", "kB", "MB", "GB", "TB", "PB", "EB"];

    public static string Percent(double value) => value.ToString("0.00", CultureInfo.InvariantCulture) + "%";

    public static string Memory(StatsRow row) => Binary(row.MemoryUsed) + " / " + Binary(row.MemoryLimit);

    public static string Network(StatsRow row) => Decimal(row.NetworkReceived) + " / " + Decimal(row.NetworkSent);

    public static string Block(StatsRow row) => Decimal(row.BlockRead) + " / " + Decimal(row.BlockWritten);

    public static string Binary(ulong bytes) => Scaled(bytes, 1024, BinaryUnits, 4);

    public static string Decimal(ulong bytes) => Scaled(bytes, 1000, DecimalUnits, 3);

    private static string Scaled(ulong bytes, double step, string[] units, int digits)
    {
        double value = bytes;
        var unit = 0;
        while (value >= step && unit < units.Length - 1)
        {
            value /= step;
            unit++;
        }

        return SignificantDigits(value, digits) + units[unit];
    }

    // Go's %.Ng: N significant digits, trailing zeros dropped, no exponent for the values a unit step leaves (< 1024).
    private static string SignificantDigits(double value, int digits)
    {
        if (value == 0)
        {
            return "0";
        }

        var integerDigits = (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1;
        var decimals = Math.Max(0, digits - integerDigits);
        return Math.Round(value, decimals, MidpointRounding.ToEven).ToString("0." + new string('#', Math.Max(decimals, 1)), CultureInfo.InvariantCulture);
    }
}
