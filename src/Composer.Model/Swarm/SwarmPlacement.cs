using System.Text.Json.Serialization;

namespace Composer.Model.Swarm;

/// <summary><c>deploy.placement</c>: constraints (node.labels.x == y), spread preferences, replicas per node.</summary>
public sealed record SwarmPlacement
{
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>Spread descriptors, e.g. node.labels.zone.</summary>
    public IReadOnlyList<string> Spread { get; init; } = [];
    public ulong? MaxReplicasPerNode { get; init; }

    /// <summary>
    /// The platforms of an image pinned by digest (--resolve-image), as docker stack sets them; null otherwise, and
    /// then left out of the spec hash so that specs deployed before it existed hash the same.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SwarmImagePlatform>? Platforms { get; init; }
}
