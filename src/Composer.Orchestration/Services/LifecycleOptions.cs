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

    /// <summary>restart --no-deps: services that depend on the named ones with restart: true are left alone.</summary>
    public bool NoDeps { get; init; }

    /// <summary>kill --remove-orphans: containers of services no longer in the file are removed.</summary>
    public bool RemoveOrphans { get; init; }

    /// <summary>start --wait: wait for the services to be running or healthy.</summary>
    public bool Wait { get; init; }
    public TimeSpan? WaitTimeout { get; init; }
}
