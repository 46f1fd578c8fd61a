namespace Composer.Model.Swarm;

/// <summary>A network that exists; <see cref="Scope"/> is swarm for networks services can join.</summary>
public sealed record SwarmNetworkState(string Id, string Name, string Driver, string Scope, IReadOnlyDictionary<string, string> Labels);
