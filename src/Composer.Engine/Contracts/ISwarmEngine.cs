using Composer.Model.Swarm;

namespace Composer.Engine.Contracts;

/// <summary>
/// The swarm calls the stack verbs need, and no more: services, tasks, nodes, secrets, configs and swarm-scoped
/// networks. Failures are <see cref="EngineException"/> with one readable line.
/// </summary>
public interface ISwarmEngine
{
    /// <summary>Throws <see cref="EngineException"/> saying how to fix it when the engine is not a swarm manager.</summary>
    Task EnsureManagerAsync(CancellationToken cancellationToken);

    /// <summary>Services carrying the stack's namespace label; every stack's services when <paramref name="stack"/> is null.</summary>
    Task<IReadOnlyList<SwarmServiceState>> ListServicesAsync(string? stack, CancellationToken cancellationToken);

    /// <summary>Tasks of the stack's services (all, past and present).</summary>
    Task<IReadOnlyList<SwarmTaskState>> ListTasksAsync(string stack, CancellationToken cancellationToken);

    Task<IReadOnlyList<SwarmNodeState>> ListNodesAsync(CancellationToken cancellationToken);

    /// <summary>Every secret and config (names and labels; data is never read).</summary>
    Task<IReadOnlyList<SwarmObjectState>> ListObjectsAsync(CancellationToken cancellationToken);

    /// <summary>Every network (name, driver, scope, labels).</summary>
    Task<IReadOnlyList<SwarmNetworkState>> ListNetworksAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Asks the registry, through the engine (<c>GET /distribution/{image}/json</c>), for the digest and platforms of
    /// the image's tag; null when the registry cannot be reached, refuses, or does not know the image. The engine
    /// asks with its own credentials (the client library sends no X-Registry-Auth on this call).
    /// </summary>
    Task<SwarmImageDigest?> ResolveImageAsync(string image, CancellationToken cancellationToken);

    /// <summary>Creates the service; object references are resolved to ids by name. Returns the new id.</summary>
    Task<string> CreateServiceAsync(SwarmServiceSpec spec, SwarmObjectIds objects, RegistryCredentials? registryAuth, CancellationToken cancellationToken);

    /// <summary>Replaces the service's spec; the swarm rolls its tasks by the spec's update_config.</summary>
    Task UpdateServiceAsync(string id, ulong version, SwarmServiceSpec spec, SwarmObjectIds objects, RegistryCredentials? registryAuth, CancellationToken cancellationToken);

    /// <summary>Sets the replica count of a replicated service and changes nothing else.</summary>
    Task ScaleServiceAsync(string idOrName, ulong replicas, CancellationToken cancellationToken);

    /// <summary>Goes back to the service's previous spec.</summary>
    Task RollbackServiceAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>A service that is already gone counts as removed.</summary>
    Task RemoveServiceAsync(string idOrName, CancellationToken cancellationToken);

    Task<string> CreateObjectAsync(SwarmObjectSpec spec, CancellationToken cancellationToken);

    /// <summary>Gone counts as removed; one still in use is an <see cref="EngineException"/>.</summary>
    Task RemoveObjectAsync(SwarmObjectKind kind, string id, CancellationToken cancellationToken);

    Task<string> CreateNetworkAsync(SwarmNetworkSpec spec, CancellationToken cancellationToken);

    /// <summary>Gone counts as removed.</summary>
    Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>A service's output from all its tasks; each line starts with the task's and node's ids (see <see cref="SwarmLogLine"/>).</summary>
    IAsyncEnumerable<SwarmLogLine> ServiceLogsAsync(string idOrName, LogRequest request, CancellationToken cancellationToken);
}
