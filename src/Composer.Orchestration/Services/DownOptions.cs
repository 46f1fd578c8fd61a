namespace Composer.Orchestration.Services;

public sealed record DownOptions
{
    public bool Volumes { get; init; }
    public bool RemoveOrphans { get; init; }

    /// <summary>COMPOSE_IGNORE_ORPHANS: no warning about orphans; <see cref="RemoveOrphans"/> still removes them.</summary>
    public bool IgnoreOrphans { get; init; }

    /// <summary>down SERVICE...: only these services (empty: the whole project).</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
    public TimeSpan? Timeout { get; init; }
    public bool DryRun { get; init; }

    /// <summary>--rmi local|all.</summary>
    public Planning.DownImageRemoval RemoveImages { get; init; }
}
