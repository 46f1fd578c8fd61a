using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;
using Composer.Loader.Tree;
using Newtonsoft.Json.Linq;

namespace Composer.Loader.Validation;

/// <summary>
/// Types a scalar by the YAML 1.2 core schema: only plain scalars can be null, booleans or numbers, so that
/// <c>"8080"</c>, <c>'true'</c> and <c>yes</c> stay strings (YAML 1.1 would have turned <c>yes</c> into true).
/// </summary>
internal static partial class ScalarTyping
{
    private const string StringTag = "tag:yaml.org,2002:str";

    public static JValue ToJson(ScalarNode scalar)
    {
        if (!scalar.IsPlain || scalar.Tag is "!!str" or StringTag)
        {
            return new JValue(scalar.Value);
        }

        if (scalar.IsNull)
        {
            return JValue.CreateNull();
        }

        var text = scalar.Value;
        switch (text)
        {
            case "true" or "True" or "TRUE":
                return new JValue(true);
            case "false" or "False" or "FALSE":
                return new JValue(false);
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return new JValue(double.PositiveInfinity);
            case "-.inf" or "-.Inf" or "-.INF":
                return new JValue(double.NegativeInfinity);
            case ".nan" or ".NaN" or ".NAN":
                return new JValue(double.NaN);
        }

        if (DecimalInteger().IsMatch(text))
        {
            return IntegerValue(text, NumberStyles.AllowLeadingSign, 10);
        }

        if (text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text[2..]))
        {
            return IntegerValue(text[2..], NumberStyles.None, 8);
        }

        if (text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text[2..]))
        {
            return IntegerValue(text[2..], NumberStyles.None, 16);
        }

        if (FloatNumber().IsMatch(text)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var floating))
        {
            return new JValue(floating);
        }

        return new JValue(text);
    }

    private static JValue IntegerValue(string digits, NumberStyles styles, int radix)
    {
        BigInteger value;
        if (radix == 10)
        {
            value = BigInteger.Parse(digits, styles, CultureInfo.InvariantCulture);
        }
        else
        {
            value = BigInteger.Zero;
            foreach (var digit in digits)
            {
                value = (value * radix) + Convert.ToInt32(digit.ToString(), 16);
            }
        }

        // NJsonSchema cannot compare a BigInteger with its limits (it throws), so a number beyond long is checked
        // as a double: still a number, and no integer attribute of compose accepts one that large anyway.
        return value >= long.MinValue && value <= long.MaxValue ? new JValue((long)value) : new JValue((double)value);
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex DecimalInteger();

    [GeneratedRegex("^[0-7]+$")]
    private static partial Regex OctalDigits();

    [GeneratedRegex("^[0-9a-fA-F]+$")]
    private static partial Regex HexDigits();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatNumber();
}
