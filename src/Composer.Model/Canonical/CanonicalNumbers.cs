using System.Globalization;

namespace Composer.Model;

/// <summary>Number text shared by the YAML and JSON writers.</summary>
public static class CanonicalNumbers
{
    /// <summary>A double always keeps a fraction or exponent so that it reads back as a double, not an integer.</summary>
    public static string Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.', StringComparison.Ordinal) || text.Contains('E', StringComparison.Ordinal) ? text : text + ".0";
    }

    public static string Integer(long value) => value.ToString(CultureInfo.InvariantCulture);
}
