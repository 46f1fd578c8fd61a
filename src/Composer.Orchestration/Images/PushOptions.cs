using Composer.Engine.Registry;

namespace Composer.Orchestration.Images;

public sealed record PushOptions
{
    /// <summary>Empty: every service.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>A failed push is a warning, not a failure.</summary>
    public bool IgnorePushFailures { get; init; }

    /// <summary>--include-deps: the named services' dependencies are pushed too.</summary>
    public bool IncludeDeps { get; init; }

    /// <summary>--dry-run: the images are listed, not pushed.</summary>
    public bool DryRun { get; init; }

    public required RegistryCredentialStore Credentials { get; init; }
}
