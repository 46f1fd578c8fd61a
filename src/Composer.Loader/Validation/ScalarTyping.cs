using System.Globalization;
using System.Text.RegularExpressions;
using Composer.Loader.Tree;

namespace Composer.Loader.Validation;

/// <summary>
/// Types a scalar by the YAML 1.2 core schema: only plain scalars can be null, booleans or numbers, so that
/// <c>"8080"</c>, <c>'true'</c> and <c>yes</c> stay strings (YAML 1.1 would have turned <c>yes</c> into true).
/// </summary>
internal static partial class ScalarTyping
{
    private const string StringTag = "tag:yaml.org,2002:str";

    /// <summary>The JSON kind of any tree node: mapping, list, or the typed scalar.</summary>
    public static SchemaTypes TypeOf(Node node) => node switch
    {
        MappingNode => SchemaTypes.Object,
        SequenceNode => SchemaTypes.Array,
        ScalarNode scalar => TypeOf(scalar),
        _ => throw new ArgumentOutOfRangeException(nameof(node), node.GetType().Name, "unknown node kind"),
    };

    /// <summary>One of String, Null, Boolean, Integer or Number.</summary>
    public static SchemaTypes TypeOf(ScalarNode scalar)
    {
        if (!scalar.IsPlain || scalar.Tag is "!!str" or StringTag)
        {
            return SchemaTypes.String;
        }

        if (scalar.IsNull)
        {
            return SchemaTypes.Null;
        }

        var text = scalar.Value;

        // Most plain scalars are words (image names, paths); only these first characters can begin anything else.
        if (!char.IsAsciiDigit(text[0]) && text[0] is not ('-' or '+' or '.' or 't' or 'T' or 'f' or 'F'))
        {
            return SchemaTypes.String;
        }

        switch (text)
        {
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return SchemaTypes.Boolean;
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "-.inf" or "-.Inf" or "-.INF"
                or ".nan" or ".NaN" or ".NAN":
                return SchemaTypes.Number;
        }

        if (DecimalInteger().IsMatch(text) || IsOctal(text) || IsHex(text))
        {
            return SchemaTypes.Integer;
        }

        return FloatNumber().IsMatch(text) ? SchemaTypes.Number : SchemaTypes.String;
    }

    /// <summary>The numeric value of a plain number (octal and hex in their base); NaN for anything else.</summary>
    public static double NumberOf(ScalarNode scalar)
    {
        var type = TypeOf(scalar);
        if (type is not (SchemaTypes.Integer or SchemaTypes.Number))
        {
            return double.NaN;
        }

        var text = scalar.Value;
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF":
                return double.PositiveInfinity;
            case "-.inf" or "-.Inf" or "-.INF":
                return double.NegativeInfinity;
            case ".nan" or ".NaN" or ".NAN":
                return double.NaN;
        }

        if (IsOctal(text))
        {
            return InBase(text[2..], 8);
        }

        if (IsHex(text))
        {
            return InBase(text[2..], 16);
        }

        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static bool IsOctal(string text) => text.StartsWith("0o", StringComparison.Ordinal) && OctalDigits().IsMatch(text.AsSpan(2));

    private static bool IsHex(string text) => text.StartsWith("0x", StringComparison.Ordinal) && HexDigits().IsMatch(text.AsSpan(2));

    private static double InBase(string digits, int radix)
    {
        var value = 0d;
        foreach (var digit in digits)
        {
            value = (value * radix) + Convert.ToInt32(digit.ToString(), 16);
        }

        return value;
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
