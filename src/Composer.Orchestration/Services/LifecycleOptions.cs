namespace Composer.Orchestration.Services;

/// <summary>Options shared by start, stop, restart, kill, pause and unpause.</summary>
public sealed record LifecycleOptions
{
    /// <summary>Empty means all services.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>stop and restart: seconds before the engine kills; null uses stop_grace_period.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>kill: the signal; null is SIGKILL.</summary>
    public string? Signal { get; init; }
    public bool DryRun { get; init; }
}
