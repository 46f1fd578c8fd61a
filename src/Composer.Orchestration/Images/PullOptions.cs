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

    public required RegistryCredentialStore Credentials { get; init; }
}
