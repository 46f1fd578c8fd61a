namespace Composer.Model.Swarm;

/// <summary><c>deploy.placement</c>: constraints (node.labels.x == y), spread preferences, replicas per node.</summary>
public sealed record SwarmPlacement
{
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>Spread descriptors, e.g. node.labels.zone.</summary>
    public IReadOnlyList<string> Spread { get; init; } = [];
    public ulong? MaxReplicasPerNode { get; init; }
}
