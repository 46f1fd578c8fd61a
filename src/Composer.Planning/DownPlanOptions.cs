namespace Composer.Planning;

public sealed record DownPlanOptions
{
    /// <summary>Also remove named volumes of the project and anonymous volumes of its containers.</summary>
    public bool RemoveVolumes { get; init; }
    public bool RemoveOrphans { get; init; }

    /// <summary>COMPOSE_IGNORE_ORPHANS: no warning about orphans left behind; <see cref="RemoveOrphans"/> still removes them.</summary>
    public bool IgnoreOrphans { get; init; }

    /// <summary>down SERVICE...: only these services' containers; networks and volumes go only when no other container is left.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
    public TimeSpan? Timeout { get; init; }

    /// <summary>--rmi: which of the services' images to remove after their containers.</summary>
    public DownImageRemoval RemoveImages { get; init; }
}
