namespace Composer.Model.Swarm;

/// <summary>
/// What a compose service becomes on a Swarm, independent of any engine client: the stack planner compares these (by
/// their hash) and the engine layer turns them into service create and update requests.
/// </summary>
public sealed record SwarmServiceSpec
{
    /// <summary>&lt;stack&gt;_&lt;service&gt;.</summary>
    public required string Name { get; init; }

    /// <summary>The compose service key it came from.</summary>
    public required string Service { get; init; }

    /// <summary>deploy.labels plus the stack namespace and image labels.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = SwarmMaps.Empty<string>();

    public required SwarmContainerSpec Container { get; init; }

    /// <summary>replicated, global, replicated-job or global-job.</summary>
    public string Mode { get; init; } = SwarmModes.Replicated;

    /// <summary>Replicas (replicated) or completions (replicated-job); null for the global modes.</summary>
    public ulong? Replicas { get; init; }

    public IReadOnlyList<SwarmNetworkAttachment> Networks { get; init; } = [];

    /// <summary>vip (the engine default) or dnsrr.</summary>
    public string? EndpointMode { get; init; }

    public IReadOnlyList<SwarmPort> Ports { get; init; } = [];

    public SwarmPlacement? Placement { get; init; }

    public SwarmResources? Resources { get; init; }

    public SwarmRestartPolicy? RestartPolicy { get; init; }

    public SwarmUpdatePolicy? UpdateConfig { get; init; }

    public SwarmUpdatePolicy? RollbackConfig { get; init; }

    public Logging? LogDriver { get; init; }
}
