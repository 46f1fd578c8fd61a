using Composer.Engine.Contracts;

namespace Composer.Orchestration.Stack;

/// <summary>The options of <c>stack deploy</c>.</summary>
public sealed record StackDeployRequest
{
    public bool Prune { get; init; }

    /// <summary>Return once every service converged (the default) rather than once the swarm accepted the specs.</summary>
    public bool Wait { get; init; } = true;

    public TimeSpan? WaitTimeout { get; init; }
    public bool DryRun { get; init; }

    /// <summary>--with-registry-auth: the credentials for each image's registry, sent with the service specs.</summary>
    public Func<string, RegistryCredentials?>? RegistryAuth { get; init; }
}
