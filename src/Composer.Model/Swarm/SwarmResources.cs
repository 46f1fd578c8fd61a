namespace Composer.Model.Swarm;

/// <summary><c>deploy.resources</c>: limits and reservations in nano-CPUs and bytes.</summary>
public sealed record SwarmResources
{
    public long? LimitNanoCpus { get; init; }
    public long? LimitMemory { get; init; }
    public long? LimitPids { get; init; }
    public long? ReserveNanoCpus { get; init; }
    public long? ReserveMemory { get; init; }

    /// <summary>Discrete generic resources reserved, by kind (e.g. gpu=2).</summary>
    public IReadOnlyDictionary<string, long> GenericResources { get; init; } = SwarmMaps.Empty<long>();
}
