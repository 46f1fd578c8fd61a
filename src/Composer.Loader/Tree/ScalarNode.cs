namespace Composer.Loader.Tree;

/// <summary>
/// A scalar as written. <see cref="IsPlain"/> is false for quoted and block scalars: only plain scalars may be read
/// as null, bool or number, so <c>"22:22"</c> and <c>"yes"</c> stay strings.
/// </summary>
public sealed class ScalarNode(string value, bool isPlain, Mark mark, string? tag = null) : Node(mark, tag)
{
    public string Value { get; } = value;

    public bool IsPlain { get; } = isPlain;

    /// <summary>Plain <c>~</c>, <c>null</c>, <c>Null</c>, <c>NULL</c> or an empty plain scalar.</summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public ScalarNode WithValue(string value) => new(value, IsPlain, Mark, Tag);

    public override Node WithTag(string? tag) => new ScalarNode(Value, IsPlain, Mark, tag);

    public override string ToString() => Value;
}
