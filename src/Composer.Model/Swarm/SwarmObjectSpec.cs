namespace Composer.Model.Swarm;

/// <summary>A secret or config to create: name, labels (stack, compose key, content hash) and its data.</summary>
public sealed record SwarmObjectSpec
{
    public required SwarmObjectKind Kind { get; init; }
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = SwarmMaps.Empty<string>();
    public required ReadOnlyMemory<byte> Data { get; init; }
    public string? TemplateDriver { get; init; }
}
