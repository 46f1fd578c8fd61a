namespace Composer.Model.Swarm;

/// <summary>A service as the swarm reports it, reduced to what the stack verbs need.</summary>
public sealed record SwarmServiceState
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The version an update must name.</summary>
    public required ulong Version { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = SwarmMaps.Empty<string>();
    public required string Mode { get; init; }
    public ulong? Replicas { get; init; }
    public required string Image { get; init; }
    public IReadOnlyList<SwarmPort> Ports { get; init; } = [];

    /// <summary>updating, paused, completed, rollback_started, rollback_paused, rollback_completed; null before any update.</summary>
    public string? UpdateState { get; init; }
    public string? UpdateMessage { get; init; }
    public IReadOnlyList<string> SecretNames { get; init; } = [];
    public IReadOnlyList<string> ConfigNames { get; init; } = [];
    public IReadOnlyList<string> Constraints { get; init; } = [];

    /// <summary>Placement platforms (set when the image was pinned by digest); null when there are none.</summary>
    public IReadOnlyList<SwarmImagePlatform>? Platforms { get; init; }
    public bool HasHealthcheck { get; init; }
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the current (or last) rolling update started.</summary>
    public DateTimeOffset? UpdateStartedAt { get; init; }

    /// <summary>Running and desired task counts as the swarm counts them.</summary>
    public ulong RunningTasks { get; init; }
    public ulong DesiredTasks { get; init; }
}
