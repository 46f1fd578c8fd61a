using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>
/// A secret or config the stack uses: its compose key, the name it gets when first created (<c>name:</c>, else
/// &lt;stack&gt;_&lt;key&gt;), and for non-external ones its data and the data's SHA-256.
/// </summary>
public sealed record StackObject
{
    public required SwarmObjectKind Kind { get; init; }
    public required string Key { get; init; }
    public required string BaseName { get; init; }
    public bool External { get; init; }
    public ReadOnlyMemory<byte> Data { get; init; }
    public string ContentHash { get; init; } = "";
    public IReadOnlyDictionary<string, string> Labels { get; init; } = SwarmMaps.Empty<string>();
    public string? TemplateDriver { get; init; }
}
