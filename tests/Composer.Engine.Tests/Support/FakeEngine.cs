using System.Collections.Concurrent;
using System.Threading.Channels;
using Composer.Engine.Contracts;

namespace Composer.Engine.Tests.Support;

/// <summary>An engine that records calls; starts can be held at a gate to observe parallelism.</summary>
internal sealed class FakeEngine : IEngine
{
    private int running;

    public ConcurrentQueue<string> Calls { get; } = new();
    public TaskCompletionSource Gate { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public TaskCompletionSource TwoRunning { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    public int MaxRunning { get; private set; }
    public Func<string, Exception?> StartFailure { get; init; } = _ => null;

    /// <summary>What list returns for every label query.</summary>
    public List<ContainerSummary> Containers { get; } = [];

    /// <summary>What inspect returns; tests change it between events.</summary>
    public volatile ContainerInspection? Inspection;

    public Channel<EngineEvent> Events { get; } = Channel.CreateUnbounded<EngineEvent>();

    public int InspectCount;

    public string Endpoint => "fake://";

    public IContainerStreams Streams => throw new NotSupportedException();

    public IImageStore Images => throw new NotSupportedException();

    public IContainerTools Tools => throw new NotSupportedException();

    public async Task StartContainerAsync(string idOrName, CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref running);
        lock (Calls)
        {
            MaxRunning = Math.Max(MaxRunning, now);
        }

        if (now >= 2)
        {
            TwoRunning.TrySetResult();
        }

        try
        {
            Calls.Enqueue("start " + idOrName);
            if (StartFailure(idOrName) is { } failure)
            {
                throw failure;
            }

            await Gate.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref running);
        }
    }

    public Task StopContainerAsync(string idOrName, TimeSpan? timeout, CancellationToken cancellationToken) => Record("stop " + idOrName);

    public Task RemoveContainerAsync(string idOrName, bool force, bool removeVolumes, CancellationToken cancellationToken) => Record("remove " + idOrName);

    public Task PingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<EngineApiVersion> ApiVersionAsync(CancellationToken cancellationToken) => Task.FromResult(new EngineApiVersion(1, 41));

    public Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ContainerSummary>>([.. Containers]);

    public Task<ContainerInspection?> InspectContainerAsync(string idOrName, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref InspectCount);
        return Task.FromResult(Inspection);
    }

    public Task<string> CreateContainerAsync(ContainerRequest request, CancellationToken cancellationToken)
    {
        Calls.Enqueue("create " + request.Name);
        return Task.FromResult("id-" + request.Name);
    }

    public Task KillContainerAsync(string idOrName, string? signal, CancellationToken cancellationToken) => Record("kill " + idOrName);

    public Task RenameContainerAsync(string idOrName, string newName, CancellationToken cancellationToken) => Record($"rename {idOrName} {newName}");

    public Task PauseContainerAsync(string idOrName, CancellationToken cancellationToken) => Record("pause " + idOrName);

    public Task UnpauseContainerAsync(string idOrName, CancellationToken cancellationToken) => Record("unpause " + idOrName);

    public Task<IReadOnlyList<EngineNetwork>> ListNetworksAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EngineNetwork>>([]);

    public Task<EngineNetwork?> FindNetworkAsync(string name, CancellationToken cancellationToken) => Task.FromResult<EngineNetwork?>(null);

    public Task<EngineNetwork?> InspectNetworkAsync(string id, CancellationToken cancellationToken) => Task.FromResult<EngineNetwork?>(null);

    public Task<string> CreateNetworkAsync(NetworkRequest request, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"create network {request.Network.Name} hash={request.ConfigHash}");
        return Task.FromResult("net");
    }

    public Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken) => Record("remove network " + idOrName);

    public Task<IReadOnlyList<EngineVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<EngineVolume>>([]);

    public Task<EngineVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) => Task.FromResult<EngineVolume?>(null);

    public Task CreateVolumeAsync(VolumeRequest request, CancellationToken cancellationToken) => Record("create volume " + request.Volume.Name);

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) => Record("remove volume " + name);

    public async IAsyncEnumerable<EngineEvent> ContainerEventsAsync(
        IReadOnlyDictionary<string, string?> labels, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var engineEvent in Events.Reader.ReadAllAsync(cancellationToken))
        {
            yield return engineEvent;
        }
    }

    public async IAsyncEnumerable<LogLine> ContainerLogsAsync(
        string idOrName, LogRequest request, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Yield();
        foreach (var line in Logs.GetValueOrDefault(idOrName) ?? [])
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return line;
        }

        if (LogEnds.TryGetValue(idOrName, out var end))
        {
            await end.Task.WaitAsync(cancellationToken);
        }
    }

    public Task<long?> WaitContainerAsync(string idOrName, CancellationToken cancellationToken) =>
        Task.FromResult(ExitCodes.TryGetValue(idOrName, out var code) ? code : (long?)null);

    /// <summary>Image name to id; builds add to it.</summary>
    public ConcurrentDictionary<string, string> KnownImages { get; } = new(StringComparer.Ordinal);

    public Task<bool> ImageExistsAsync(string name, CancellationToken cancellationToken) => Task.FromResult(KnownImages.ContainsKey(name));

    public Task<string?> ImageIdAsync(string name, CancellationToken cancellationToken) => Task.FromResult(KnownImages.TryGetValue(name, out var id) ? id : null);

    /// <summary>Plays a build's steps and logs to the observer, as the engine's trace would.</summary>
    public Action<BuildRequest, IBuildObserver>? BuildScript { get; set; }

    /// <summary>What BuilderAsync answers.</summary>
    public BuilderInfo Builder { get; set; } = new(true, "linux/amd64");

    /// <summary>The requests builds were given, in order.</summary>
    public ConcurrentQueue<BuildRequest> BuildRequests { get; } = new();

    public Task<BuilderInfo> BuilderAsync(CancellationToken cancellationToken) => Task.FromResult(Builder);

    public Task<string> BuildImageAsync(BuildRequest request, IBuildObserver? observer, CancellationToken cancellationToken)
    {
        Calls.Enqueue($"build {request.Tags[0]}");
        BuildRequests.Enqueue(request);
        observer?.Line($"building {request.ServiceName}");
        if (observer is not null)
        {
            BuildScript?.Invoke(request, observer);
        }

        var id = $"sha256:{Guid.NewGuid():N}";
        foreach (var tag in request.Tags)
        {
            KnownImages[tag] = id;
        }

        return Task.FromResult(id);
    }

    /// <summary>What logs returns per container id.</summary>
    public Dictionary<string, List<LogLine>> Logs { get; } = new(StringComparer.Ordinal);

    /// <summary>A container listed here keeps its log stream open (as if running) until its task completes.</summary>
    public Dictionary<string, TaskCompletionSource> LogEnds { get; } = new(StringComparer.Ordinal);

    /// <summary>What wait returns per container id.</summary>
    public Dictionary<string, long> ExitCodes { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
    }

    private Task Record(string call)
    {
        Calls.Enqueue(call);
        return Task.CompletedTask;
    }
}
