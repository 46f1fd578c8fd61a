namespace Composer.Planning;

public sealed record UpPlanOptions
{
    public bool ForceRecreate { get; init; }
    public bool NoRecreate { get; init; }

    /// <summary>
    /// Pulls and builds up would do first, shown at the head of a --dry-run plan with the creates waiting on them;
    /// a real up has done them before it plans and passes none.
    /// </summary>
    public IReadOnlyList<ImageStep> ImageSteps { get; init; } = [];

    /// <summary>
    /// Put the provider services' runs at the head of the plan, with their dependents' creates waiting on them: what
    /// a --dry-run shows. A real up runs them before it plans (<see cref="Planner.PlanProviderUp"/>), gives their
    /// variables to the dependents, and plans the containers with this off.
    /// </summary>
    public bool PlanProviders { get; init; }

    /// <summary>Services recreated even when unchanged (up --always-recreate-deps names the dependencies).</summary>
    public IReadOnlySet<string> ForceRecreateServices { get; init; } = new HashSet<string>(StringComparer.Ordinal);
    public bool NoStart { get; init; }

    /// <summary>Leave the selected services' dependencies alone.</summary>
    public bool NoDeps { get; init; }
    public bool RemoveOrphans { get; init; }

    /// <summary>
    /// Keys of volumes whose definition changed that may be recreated (up/create -y, or confirmed at the prompt):
    /// the containers mounting them are removed first and created again after. Other changed volumes are kept with
    /// a warning.
    /// </summary>
    public IReadOnlySet<string> RecreateVolumes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>--all-resources: create every declared network and volume, also those no selected service uses.</summary>
    public bool AllResources { get; init; }

    /// <summary>
    /// COMPOSE_IGNORE_ORPHANS: containers of services no longer in the file are not looked for, so nothing warns about
    /// them; <see cref="RemoveOrphans"/> still removes them.
    /// </summary>
    public bool IgnoreOrphans { get; init; }

    /// <summary>Empty means every service of the project.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
    public IReadOnlyDictionary<string, int> Scale { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Stop timeout for containers replaced or removed; null uses each service's stop_grace_period.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The current image id of services whose image is built here; a container labelled with another id runs an
    /// older build and is recreated.
    /// </summary>
    public IReadOnlyDictionary<string, string> ImageIds { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
