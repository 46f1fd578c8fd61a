using System.Text.Json;
using Composer.Loader.Tree;

namespace Composer.Loader.Validation;

/// <summary>One allowed value of an <c>enum</c>, compared with a tree value by JSON kind and value.</summary>
internal sealed class SchemaConstant
{
    private readonly SchemaTypes _type;
    private readonly string _text;
    private readonly double _number;

    private SchemaConstant(SchemaTypes type, string text, double number)
    {
        _type = type;
        _text = text;
        _number = number;
    }

    /// <summary>The value as users read it in a message: strings without quotes.</summary>
    public string Display => _text;

    public static SchemaConstant From(JsonElement value, string pointer) => value.ValueKind switch
    {
        JsonValueKind.String => new SchemaConstant(SchemaTypes.String, value.GetString()!, double.NaN),
        JsonValueKind.Number => new SchemaConstant(SchemaTypes.Number, value.GetRawText(), value.GetDouble()),
        JsonValueKind.True => new SchemaConstant(SchemaTypes.Boolean, "true", double.NaN),
        JsonValueKind.False => new SchemaConstant(SchemaTypes.Boolean, "false", double.NaN),
        JsonValueKind.Null => new SchemaConstant(SchemaTypes.Null, "null", double.NaN),
        _ => throw new InvalidOperationException($"The compose schema lists a {value.ValueKind} in the enum at {pointer}; only scalar values are supported."),
    };

    public bool Matches(Node value)
    {
        if (value is not ScalarNode scalar)
        {
            return false;
        }

        var type = ScalarTyping.TypeOf(scalar);
        return _type switch
        {
            SchemaTypes.String => type == SchemaTypes.String && scalar.Value == _text,
            SchemaTypes.Number => type is SchemaTypes.Integer or SchemaTypes.Number && ScalarTyping.NumberOf(scalar) == _number,
            SchemaTypes.Boolean => type == SchemaTypes.Boolean && string.Equals(scalar.Value, _text, StringComparison.OrdinalIgnoreCase),
            _ => type == SchemaTypes.Null,
        };
    }
}
