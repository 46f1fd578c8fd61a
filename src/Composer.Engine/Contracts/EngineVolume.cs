namespace Composer.Engine.Contracts;

public sealed record EngineVolume(string Name, IReadOnlyDictionary<string, string> Labels)
{
    public string Driver { get; init; } = "local";
}
