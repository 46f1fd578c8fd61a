using Composer.Engine.Registry;

namespace Composer.Orchestration.Images;

public sealed record PushOptions
{
    /// <summary>Empty: every service.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    /// <summary>A failed push is a warning, not a failure.</summary>
    public bool IgnorePushFailures { get; init; }

    public required RegistryCredentialStore Credentials { get; init; }
}
