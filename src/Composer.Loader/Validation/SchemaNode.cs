namespace Composer.Loader.Validation;

/// <summary>
/// One compiled schema of the compose JSON schema: the keywords it uses, already parsed (patterns compiled, <c>$ref</c>
/// linked). Immutable once compiled, so one instance serves every load on every thread.
/// </summary>
internal sealed class SchemaNode
{
    private readonly Lazy<SchemaNode>? _reference;

    public SchemaNode(string pointer)
    {
        Pointer = pointer;
    }

    /// <summary>A <c>$ref</c>: resolved on first use, so that definitions may refer to each other (or themselves).</summary>
    public SchemaNode(string pointer, Lazy<SchemaNode> reference)
    {
        Pointer = pointer;
        _reference = reference;
    }

    /// <summary>Where the schema was written, <c>#/definitions/service</c>: for the compiler's own messages.</summary>
    public string Pointer { get; }

    /// <summary>The schema itself, or the definition a <c>$ref</c> points at.</summary>
    public SchemaNode Resolved => _reference is null ? this : _reference.Value.Resolved;

    /// <summary>The schema one <c>$ref</c> leads to; null when this schema is not a reference.</summary>
    public SchemaNode? ReferenceTarget => _reference?.Value;

    /// <summary><see cref="SchemaTypes.None"/> when the schema says nothing about the type.</summary>
    public SchemaTypes Types { get; init; }

    public IReadOnlyList<SchemaConstant> Enum { get; init; } = [];

    public IReadOnlyDictionary<string, SchemaNode> Properties { get; init; } = new Dictionary<string, SchemaNode>(StringComparer.Ordinal);

    public IReadOnlyList<PatternProperty> PatternProperties { get; init; } = [];

    /// <summary>The schema of keys neither named nor matched by a pattern; null when any value goes.</summary>
    public SchemaNode? AdditionalProperties { get; init; }

    /// <summary><c>"additionalProperties": false</c>.</summary>
    public bool ForbidsAdditionalProperties { get; init; }

    public IReadOnlyList<string> Required { get; init; } = [];

    public int? MinProperties { get; init; }

    public int? MaxProperties { get; init; }

    public SchemaNode? Items { get; init; }

    public int? MinItems { get; init; }

    public int? MaxItems { get; init; }

    public bool UniqueItems { get; init; }

    public double? Minimum { get; init; }

    public double? Maximum { get; init; }

    public SchemaPattern? Pattern { get; init; }

    public IReadOnlyList<SchemaNode> AnyOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];

    public IReadOnlyList<SchemaNode> AllOf { get; init; } = [];

    public override string ToString() => Pointer;
}
