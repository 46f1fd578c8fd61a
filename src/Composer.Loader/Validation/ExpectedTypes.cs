using NJsonSchema;

namespace Composer.Loader.Validation;

/// <summary>Describes in plain words which kinds of value a schema (or a set of alternatives) accepts.</summary>
internal static class ExpectedTypes
{
    // The order users read best: the scalar forms first, then the structured ones.
    private static readonly (JsonObjectType Type, string Word)[] Words =
    [
        (JsonObjectType.String, "string"),
        (JsonObjectType.Number, "number"),
        (JsonObjectType.Integer, "integer"),
        (JsonObjectType.Boolean, "boolean"),
        (JsonObjectType.Array, "list"),
        (JsonObjectType.Object, "mapping"),
        (JsonObjectType.Null, "null"),
    ];

    public static JsonObjectType Of(JsonSchema schema)
    {
        var actual = schema.ActualSchema;
        var types = actual.Type;
        if (types == JsonObjectType.None)
        {
            foreach (var alternative in actual.AnyOf.Concat(actual.OneOf))
            {
                types |= Of(alternative);
            }
        }

        return types;
    }

    /// <summary><c>must be a string or number</c>; null when the schema does not restrict the type.</summary>
    public static string? Describe(JsonObjectType types)
    {
        if (types.HasFlag(JsonObjectType.Number))
        {
            // Every integer is a number: naming both would only confuse.
            types &= ~JsonObjectType.Integer;
        }

        var words = Words.Where(pair => types.HasFlag(pair.Type)).Select(pair => pair.Word).ToList();
        if (words.Count == 0)
        {
            return null;
        }

        if (words is ["null"])
        {
            return "must be null";
        }

        var article = words[0] == "integer" ? "an" : "a";
        var list = words.Count == 1
            ? words[0]
            : string.Join(", ", words.Take(words.Count - 1)) + " or " + words[^1];
        return $"must be {article} {list}";
    }
}
