namespace Composer.Engine.Contracts;

public sealed record EngineVolume(string Name, IReadOnlyDictionary<string, string> Labels)
{
    public string Driver { get; init; } = "local";

    /// <summary>The driver options the volume was created with.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
