namespace Composer.Engine.Contracts;

public sealed record EngineNetwork(string Id, string Name, IReadOnlyDictionary<string, string> Labels);
