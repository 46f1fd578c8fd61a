using Composer.Engine.Registry;

namespace Composer.Orchestration.Images;

public sealed record PullOptions
{
    /// <summary>Empty: every service.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>Skip services that have a build section.</summary>
    public bool IgnoreBuildable { get; init; }

    /// <summary>A failed pull is a warning, not a failure.</summary>
    public bool IgnorePullFailures { get; init; }

    /// <summary>--include-deps: the named services' dependencies are pulled too.</summary>
    public bool IncludeDeps { get; init; }

    /// <summary>--policy missing: only images the engine lacks; null or always pulls them all.</summary>
    public string? Policy { get; init; }

    /// <summary>--dry-run: the images are listed, not pulled.</summary>
    public bool DryRun { get; init; }

    public required RegistryCredentialStore Credentials { get; init; }
}
