namespace Composer.Engine.Contracts;

/// <summary>
/// The engine calls the orchestrator needs, and no more. Implementations retry transient failures themselves and
/// throw <see cref="EngineException"/> with a one-line message for everything else.
/// </summary>
public interface IEngine : IDisposable
{
    /// <summary>Where the engine is reached, for messages (e.g. unix:///var/run/docker.sock).</summary>
    string Endpoint { get; }

    /// <summary>exec, attach and run's interactive streams.</summary>
    IContainerStreams Streams { get; }

    /// <summary>Images: list, remove, pull, push.</summary>
    IImageStore Images { get; }

    /// <summary>top, stats, cp and engine events.</summary>
    IContainerTools Tools { get; }

    /// <summary>Swarm services, tasks, nodes, secrets, configs and networks, for the stack verbs.</summary>
    ISwarmEngine Swarm => throw new NotSupportedException("this engine client has no swarm support");

    /// <summary>Throws <see cref="EngineUnavailableException"/> when nothing answers.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>The API version the engine speaks (from /version; asked once, then remembered).</summary>
    Task<EngineApiVersion> ApiVersionAsync(CancellationToken cancellationToken);

    /// <summary>All containers (running or not) carrying every given label; a null value matches any value.</summary>
    Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken);

    /// <summary>Null when the container does not exist.</summary>
    Task<ContainerInspection?> InspectContainerAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>Creates the container (and joins its extra networks); returns the new id.</summary>
    Task<string> CreateContainerAsync(ContainerRequest request, CancellationToken cancellationToken);

    Task StartContainerAsync(string idOrName, CancellationToken cancellationToken);

    Task StopContainerAsync(string idOrName, TimeSpan? timeout, CancellationToken cancellationToken);

    Task KillContainerAsync(string idOrName, string? signal, CancellationToken cancellationToken);

    /// <summary>A container that is already gone counts as removed.</summary>
    Task RemoveContainerAsync(string idOrName, bool force, bool removeVolumes, CancellationToken cancellationToken);

    Task RenameContainerAsync(string idOrName, string newName, CancellationToken cancellationToken);

    Task PauseContainerAsync(string idOrName, CancellationToken cancellationToken);

    Task UnpauseContainerAsync(string idOrName, CancellationToken cancellationToken);

    Task<IReadOnlyList<EngineNetwork>> ListNetworksAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken);

    /// <summary>
    /// Null when no network has that exact name. Engines before API 1.44 accept duplicate names: of several, the
    /// oldest is returned, the same one for every run.
    /// </summary>
    Task<EngineNetwork?> FindNetworkAsync(string name, CancellationToken cancellationToken);

    /// <summary>The network with its attached containers; null when it does not exist.</summary>
    Task<EngineNetwork?> InspectNetworkAsync(string id, CancellationToken cancellationToken);

    /// <summary>
    /// Makes sure one network of the request's name exists and returns its id: an existing one is reused, and when a
    /// concurrent run created one of the same name at the same moment, every run keeps the oldest and the others
    /// (still empty) are removed.
    /// </summary>
    Task<string> CreateNetworkAsync(NetworkRequest request, CancellationToken cancellationToken);

    Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken);

    Task<IReadOnlyList<EngineVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken);

    Task<EngineVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken);

    Task CreateVolumeAsync(VolumeRequest request, CancellationToken cancellationToken);

    Task RemoveVolumeAsync(string name, CancellationToken cancellationToken);

    /// <summary>Container events for containers carrying the given labels, until the token is cancelled.</summary>
    IAsyncEnumerable<EngineEvent> ContainerEventsAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken);

    /// <summary>
    /// As above within a time window (engine times, seconds.nanoseconds): past events from <paramref name="since"/>,
    /// and the stream ends at <paramref name="until"/>. Engines without history give the live stream.
    /// </summary>
    IAsyncEnumerable<EngineEvent> ContainerEventsAsync(IReadOnlyDictionary<string, string?> labels, string? since, string? until, CancellationToken cancellationToken) =>
        ContainerEventsAsync(labels, cancellationToken);

    /// <summary>
    /// The container's output line by line, stdout and stderr apart. With <see cref="LogRequest.Follow"/> it ends when
    /// the container stops; a container that is gone ends it at once.
    /// </summary>
    IAsyncEnumerable<LogLine> ContainerLogsAsync(string idOrName, LogRequest request, CancellationToken cancellationToken);

    /// <summary>Waits until the container is not running and returns its exit code; null when it is gone.</summary>
    Task<long?> WaitContainerAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>True when the engine has an image by that name or id.</summary>
    Task<bool> ImageExistsAsync(string name, CancellationToken cancellationToken);

    /// <summary>The image's id (sha256:...), or null when the engine has no such image.</summary>
    Task<string?> ImageIdAsync(string name, CancellationToken cancellationToken);

    /// <summary>
    /// Builds an image from a local context, telling <paramref name="observer"/> of its output, and
    /// returns the new image's id. A failed step throws <see cref="EngineException"/> naming the service and step.
    /// </summary>
    Task<string> BuildImageAsync(BuildRequest request, IBuildObserver? observer, CancellationToken cancellationToken);

    /// <summary>Which builder builds here: BuildKit unless DOCKER_BUILDKIT=0 or the engine lacks it; and the engine's platform.</summary>
    Task<BuilderInfo> BuilderAsync(CancellationToken cancellationToken);
}
