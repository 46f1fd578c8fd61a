namespace Composer.Model.Swarm;

/// <summary>A secret or config that exists on the swarm.</summary>
public sealed record SwarmObjectState(SwarmObjectKind Kind, string Id, string Name, IReadOnlyDictionary<string, string> Labels);
