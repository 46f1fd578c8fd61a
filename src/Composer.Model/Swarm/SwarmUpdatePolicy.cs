namespace Composer.Model.Swarm;

/// <summary><c>update_config</c> or <c>rollback_config</c>.</summary>
public sealed record SwarmUpdatePolicy
{
    public ulong Parallelism { get; init; } = 1;
    public TimeSpan? Delay { get; init; }

    /// <summary>pause (the engine default), continue or rollback.</summary>
    public string? FailureAction { get; init; }
    public TimeSpan? Monitor { get; init; }
    public float MaxFailureRatio { get; init; }

    /// <summary>stop-first (the engine default) or start-first.</summary>
    public string? Order { get; init; }
}
