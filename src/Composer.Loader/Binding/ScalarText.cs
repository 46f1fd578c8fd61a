using System.Globalization;
using System.Text.RegularExpressions;

namespace Composer.Loader.Binding;

/// <summary>
/// The typing rules for scalar text. Plain scalars follow the YAML 1.2 core schema; quoted scalars are strings, but
/// typed attributes still accept them because interpolation turns <c>${PORT}</c> into a string.
/// </summary>
internal static partial class ScalarText
{
    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Integers like a Go YAML decoder reads them: decimal, 0x hex, 0o or leading-zero octal (file modes such as 0440).</summary>
    public static bool TryParseLong(string text, out long value)
    {
        value = 0;
        if (text.Length == 0)
        {
            return false;
        }

        var negative = text[0] == '-';
        var digits = text[0] is '-' or '+' ? text[1..] : text;
        if (digits.Length == 0)
        {
            return false;
        }

        bool parsed;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            parsed = long.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            parsed = TryParseOctal(digits[2..], out value);
        }
        else if (digits.Length > 1 && digits[0] == '0')
        {
            parsed = TryParseOctal(digits[1..], out value);
        }
        else
        {
            // Parsed with its sign so that long.MinValue, whose magnitude does not fit a long, still reads.
            return digits.All(char.IsAsciiDigit) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        if (parsed && negative)
        {
            value = -value;
        }

        return parsed;
    }

    public static bool TryParseDouble(string text, out double value)
    {
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN":
                value = double.NaN;
                return true;
        }

        value = 0;
        return FloatPattern().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>True when a plain scalar with this text would read as something other than a string.</summary>
    public static bool LooksTyped(string text) =>
        text is "" or "~" or "null" or "Null" or "NULL"
        || TryParseBool(text, out _)
        || TryParseLong(text, out _)
        || TryParseDouble(text, out _)
        || Yaml11Pattern().IsMatch(text);

    private static bool TryParseOctal(string digits, out long value)
    {
        value = 0;
        if (digits.Length == 0 || digits.Length > 21)
        {
            return false;
        }

        foreach (var digit in digits)
        {
            if (digit is < '0' or > '7')
            {
                return false;
            }

            value = (value * 8) + (digit - '0');
        }

        return true;
    }

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();

    // Readers still on YAML 1.1 (docker-compose v1, PyYAML) would retype these: yes/no/on/off and base-60 "22:22".
    [GeneratedRegex(@"^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?|[-+]?[0-9][0-9_]*|0b[01_]+|[-+]?[0-9_]*\.[0-9_]+|=|<<)$")]
    private static partial Regex Yaml11Pattern();
}
