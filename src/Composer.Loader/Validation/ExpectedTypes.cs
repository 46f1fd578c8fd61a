namespace Composer.Loader.Validation;

/// <summary>Describes in plain words which kinds of value a schema (or a set of alternatives) accepts.</summary>
internal static class ExpectedTypes
{
    // The order users read best: the scalar forms first, then the structured ones.
    private static readonly (SchemaTypes Type, string Word)[] Words =
    [
        (SchemaTypes.String, "string"),
        (SchemaTypes.Number, "number"),
        (SchemaTypes.Integer, "integer"),
        (SchemaTypes.Boolean, "boolean"),
        (SchemaTypes.Array, "list"),
        (SchemaTypes.Object, "mapping"),
        (SchemaTypes.Null, "null"),
    ];

    /// <summary>The types a schema accepts; a schema without <c>type</c> accepts what its alternatives accept.</summary>
    public static SchemaTypes Of(SchemaNode schema)
    {
        var actual = schema.Resolved;
        var types = actual.Types;
        if (types == SchemaTypes.None)
        {
            foreach (var alternative in actual.AnyOf.Concat(actual.OneOf))
            {
                types |= Of(alternative);
            }
        }

        return types;
    }

    /// <summary><c>must be a string or number</c>; null when the schema does not restrict the type.</summary>
    public static string? Describe(SchemaTypes types)
    {
        if (types.HasFlag(SchemaTypes.Number))
        {
            // Every integer is a number: naming both would only confuse.
            types &= ~SchemaTypes.Integer;
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

    /// <summary>The message for a value of a kind the schema does not accept.</summary>
    public static string Message(SchemaTypes types) => Describe(types) ?? "has a type that is not allowed here";
}
