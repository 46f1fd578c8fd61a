namespace Composer.Orchestration.Services;

public sealed record UpOptions
{
    /// <summary>Informational: the CLI attaches to the output itself (LogStreamer) after an up that is not detached.</summary>
    public bool Detach { get; init; } = true;

    /// <summary>After starting, wait until services are running (or healthy when they have a healthcheck).</summary>
    public bool Wait { get; init; }
    public TimeSpan? WaitTimeout { get; init; }
    public bool ForceRecreate { get; init; }
    public bool NoRecreate { get; init; }
    public bool NoDeps { get; init; }
    public bool NoStart { get; init; }
    public bool RemoveOrphans { get; init; }

    /// <summary>COMPOSE_IGNORE_ORPHANS: orphans are not looked for (no warning); <see cref="RemoveOrphans"/> still removes them.</summary>
    public bool IgnoreOrphans { get; init; }

    /// <summary>
    /// -y/--yes: volumes whose definition changed are recreated (their data is lost), with the containers that mount
    /// them; without it they are kept with a warning (or recreated when agreed at the CLI's prompt, see
    /// <see cref="RecreateVolumes"/>).
    /// </summary>
    public bool AssumeYes { get; init; }

    /// <summary>Keys of changed volumes the user agreed to recreate at the prompt (<see cref="UpService.ChangedVolumesAsync"/>).</summary>
    public IReadOnlySet<string> RecreateVolumes { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>--all-resources: networks and volumes no selected service uses are created too.</summary>
    public bool AllResources { get; init; }
    public IReadOnlyDictionary<string, int> Scale { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Stop timeout for containers that are replaced or removed.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Empty means all services.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
    public bool DryRun { get; init; }

    /// <summary>--build: rebuild the images of services with a build section before starting.</summary>
    public bool Build { get; init; }

    /// <summary>--no-build: never build, even an image that is missing.</summary>
    public bool NoBuild { get; init; }

    /// <summary>--pull: a pull_policy (always, missing, never, build) for every service in place of its own; null keeps them.</summary>
    public string? Pull { get; init; }

    /// <summary>--always-recreate-deps: the dependencies of the selected services are recreated even when unchanged.</summary>
    public bool AlwaysRecreateDeps { get; init; }

    /// <summary>
    /// The caller (run, for the dependencies it starts) has already checked the project and applied what
    /// <see cref="Preflight.EngineChecks.PrepareAsync"/> applies: neither is done again.
    /// </summary>
    internal bool Preflighted { get; init; }
}
