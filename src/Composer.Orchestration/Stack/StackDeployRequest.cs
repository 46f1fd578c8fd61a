using Composer.Engine.Contracts;
using Composer.Engine.Registry;
using Composer.Planning.Stack;

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

    /// <summary>--resolve-image: when images are pinned to the digest their registry gives (docker stack's default: always).</summary>
    public ResolveImageMode ResolveImage { get; init; } = ResolveImageMode.Always;

    /// <summary>--build: the images of services with a build section are built first, on the manager.</summary>
    public bool Build { get; init; }

    /// <summary>--push: the images of services with build and image are pushed to the registries they name, so every node can pull them.</summary>
    public bool Push { get; init; }

    /// <summary>The credentials pushes use (the docker CLI's config); required with <see cref="Push"/>.</summary>
    public RegistryCredentialStore? PushCredentials { get; init; }
}
