using System.Net;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Composer.Engine.BuildKit;
using Composer.Engine.Connection;
using Composer.Engine.Contracts;
using Composer.Engine.Errors;
using Composer.Engine.Resilience;
using Composer.Model;
using Docker.DotNet;
using Docker.DotNet.Models;
using Polly;

namespace Composer.Engine.DockerApi;

/// <summary><see cref="IEngine"/> on Docker.DotNet; every call goes through <see cref="EngineCalls"/> as a query, a change or a blocking call.</summary>
internal sealed class DockerEngine(DockerClient client, EnginePolicies policies, EngineEndpoint? endpoint = null, Func<string, string?>? environment = null) : IEngine
{
    private readonly BuilderSelection builders = new(client, endpoint, environment ?? System.Environment.GetEnvironmentVariable);

    private readonly EngineCalls calls = new(policies, client.Options.Endpoint?.ToString() ?? "the default Docker endpoint");

    private EngineApiVersion? apiVersion;

    public string Endpoint => calls.Endpoint;

    public IContainerStreams Streams => field ??= new DockerContainerStreams(client, calls);

    public IImageStore Images => field ??= new DockerImageStore(client, calls);

    public IContainerTools Tools => field ??= new DockerContainerTools(client, calls);

    public ISwarmEngine Swarm => field ??= new Swarm.DockerSwarmEngine(client, calls);

    public Task PingAsync(CancellationToken cancellationToken) =>
        calls.QueryAsync("ping the engine", token => client.System.PingAsync(token), cancellationToken);

    public async Task<EngineApiVersion> ApiVersionAsync(CancellationToken cancellationToken)
    {
        if (apiVersion is { } known)
        {
            return known;
        }

        // The client does not pin a version, so the engine answers in (and accepts) its own API version.
        var response = await calls.QueryAsync("ask the engine for its version", token => client.System.GetVersionAsync(token), cancellationToken);
        var version = EngineApiVersion.Parse(response.APIVersion);
        apiVersion = version;
        return version;
    }

    public async Task<IReadOnlyList<ContainerSummary>> ListContainersAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken)
    {
        var listed = await calls.QueryAsync("list containers", token => client.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = LabelFilters.For(labels) }, token), cancellationToken);
        return [.. listed.Select(ToSummary)];
    }

    public async Task<ContainerInspection?> InspectContainerAsync(string idOrName, CancellationToken cancellationToken)
    {
        var inspected = await calls.QueryAsync($"inspect container {idOrName}", async token =>
        {
            try
            {
                return await client.Containers.InspectContainerAsync(idOrName, token);
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);
        return inspected is null ? null : ToInspection(inspected);
    }

    public async Task<string> CreateContainerAsync(ContainerRequest request, CancellationToken cancellationToken)
    {
        if (request.Service.Build is not null && request.ImageId is null && request.Service.Image is { } image)
        {
            // A built image changes under the same name; its id in the labels lets the next up see the change.
            request = request with { ImageId = await ImageIdAsync(image, cancellationToken) };
        }

        var spec = ContainerSpecTranslator.Translate(request, await ApiVersionAsync(cancellationToken));
        using var macClient = spec.ContainerMacAddress is { } macAddress ? ContainerMacAddressClient(macAddress) : null;
        var creator = macClient ?? client;
        var created = await calls.ChangeAsync($"create container {request.Name}",
            token => creator.Containers.CreateContainerAsync(spec.Parameters, token), cancellationToken);
        foreach (var warning in created.Warnings ?? [])
        {
            request.OnEngineWarning?.Invoke(warning);
        }

        foreach (var (network, endpoint) in spec.ExtraNetworks)
        {
            await calls.ChangeAsync($"connect container {request.Name} to network {network}",
                token => client.Networks.ConnectNetworkAsync(network, new NetworkConnectParameters { Container = created.ID, EndpointConfig = endpoint }, token),
                cancellationToken);
        }

        foreach (var file in spec.Files)
        {
            await calls.ChangeAsync($"copy {file.Target} into container {request.Name}", async token =>
            {
                await using var archive = ContainerFileArchive.Build(file, DateTimeOffset.UtcNow);
                await client.Containers.ExtractArchiveToContainerAsync(created.ID, new CopyToContainerParameters { Path = "/" }, archive, token);
            }, cancellationToken);
        }

        return created.ID;
    }

    // A client of its own for the one create that carries a container-wide MAC address (engines before API 1.44).
    private DockerClient ContainerMacAddressClient(string macAddress)
    {
        var target = endpoint ?? throw new EngineException("mac_address on an engine before API 1.44 needs the engine's endpoint");
        return new DockerClientBuilder().WithEndpoint(target.Host)
            .WithTransportOptions(new ContainerMacAddressTransport(target), macAddress)
            .Build();
    }

    public Task StartContainerAsync(string idOrName, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"start container {idOrName}",
            token => client.Containers.StartContainerAsync(idOrName, new ContainerStartParameters(), token), cancellationToken);

    public Task StopContainerAsync(string idOrName, TimeSpan? timeout, CancellationToken cancellationToken) =>
        calls.BlockingAsync($"stop container {idOrName}", token => client.Containers.StopContainerAsync(idOrName,
            new ContainerStopParameters { WaitBeforeKillSeconds = timeout is { } wait ? (uint)Math.Ceiling(wait.TotalSeconds) : null }, token),
            cancellationToken);

    public Task KillContainerAsync(string idOrName, string? signal, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"kill container {idOrName}", token => client.Containers.KillContainerAsync(idOrName,
            new ContainerKillParameters { Signal = signal ?? "SIGKILL" }, token), cancellationToken);

    public Task RemoveContainerAsync(string idOrName, bool force, bool removeVolumes, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"remove container {idOrName}", async token =>
        {
            try
            {
                await client.Containers.RemoveContainerAsync(idOrName, new ContainerRemoveParameters { Force = force, RemoveVolumes = removeVolumes }, token);
            }
            catch (DockerContainerNotFoundException)
            {
                // Already gone is what we wanted.
            }
        }, cancellationToken);

    public Task RenameContainerAsync(string idOrName, string newName, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"rename container {idOrName} to {newName}",
            token => client.Containers.RenameContainerAsync(idOrName, new ContainerRenameParameters { NewName = newName }, token), cancellationToken);

    public Task PauseContainerAsync(string idOrName, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"pause container {idOrName}", token => client.Containers.PauseContainerAsync(idOrName, token), cancellationToken);

    public Task UnpauseContainerAsync(string idOrName, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"unpause container {idOrName}", token => client.Containers.UnpauseContainerAsync(idOrName, token), cancellationToken);

    public async Task<IReadOnlyList<EngineNetwork>> ListNetworksAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken)
    {
        var networks = await calls.QueryAsync("list networks",
            token => client.Networks.ListNetworksAsync(new NetworksListParameters { Filters = LabelFilters.For(labels) }, token), cancellationToken);
        return [.. networks.Select(ToNetwork)];
    }

    public async Task<EngineNetwork?> FindNetworkAsync(string name, CancellationToken cancellationToken) =>
        (await NetworksNamedAsync(name, cancellationToken)).FirstOrDefault();

    public Task<EngineNetwork?> InspectNetworkAsync(string id, CancellationToken cancellationToken) =>
        calls.QueryAsync($"inspect network {id}", async token =>
        {
            try
            {
                var network = await client.Networks.InspectNetworkAsync(id, token);
                return ToNetwork(network) with
                {
                    Containers = [.. (network.Containers ?? new Dictionary<string, EndpointResource>()).Values.Select(endpoint => endpoint.Name ?? "").Order(StringComparer.Ordinal)],
                };
            }
            catch (DockerNetworkNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public async Task<string> CreateNetworkAsync(NetworkRequest request, CancellationToken cancellationToken)
    {
        var name = request.Network.Name;
        var existing = await FindNetworkAsync(name, cancellationToken);
        if (existing is not null)
        {
            return existing.Id;
        }

        var parameters = NetworkSpecTranslator.Translate(request);
        var created = await calls.ChangeAsync($"create network {name}",
            token => client.Networks.CreateNetworkAsync(parameters, token), cancellationToken);

        // Engines before API 1.44 take a second network of the same name: a run that created one at the same time
        // as this one leaves two. Every run keeps the oldest and removes the rest, which nobody has joined yet.
        var named = await NetworksNamedAsync(name, cancellationToken);
        if (named.Count <= 1)
        {
            return named.FirstOrDefault()?.Id ?? created.ID;
        }

        foreach (var duplicate in named.Skip(1).Where(network => network.Labels.GetValueOrDefault(ComposeLabels.Project) == request.ProjectName))
        {
            try
            {
                await RemoveNetworkAsync(duplicate.Id, cancellationToken);
            }
            catch (EngineException)
            {
                // Joined meanwhile: the project's next up or down repairs it (DuplicateNetworkRepair).
            }
        }

        return named[0].Id;
    }

    // All networks of exactly this name (the engine's filter matches substrings), oldest first.
    private async Task<IReadOnlyList<EngineNetwork>> NetworksNamedAsync(string name, CancellationToken cancellationToken)
    {
        var networks = await calls.QueryAsync($"look up network {name}", token => client.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal) { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, token), cancellationToken);
        return [.. networks.Where(network => network.Name == name).Select(ToNetwork).OrderBy(network => network.Created).ThenBy(network => network.Id, StringComparer.Ordinal)];
    }

    public Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"remove network {idOrName}", async token =>
        {
            try
            {
                await client.Networks.DeleteNetworkAsync(idOrName, token);
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }, cancellationToken);

    public async Task<IReadOnlyList<EngineVolume>> ListVolumesAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken)
    {
        var volumes = await calls.QueryAsync("list volumes",
            token => client.Volumes.ListAsync(new VolumesListParameters { Filters = LabelFilters.For(labels) }, token), cancellationToken);
        return [.. (volumes.Volumes ?? []).Select(ToVolume)];
    }

    public Task<EngineVolume?> FindVolumeAsync(string name, CancellationToken cancellationToken) =>
        calls.QueryAsync<EngineVolume?>($"inspect volume {name}", async token =>
        {
            try
            {
                return ToVolume(await client.Volumes.InspectAsync(name, token));
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }
        }, cancellationToken);

    public Task CreateVolumeAsync(VolumeRequest request, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(request.Volume.Labels, StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = request.ProjectName,
            [ComposeLabels.Volume] = request.Key,
            [ComposeLabels.Version] = ComposeLabels.ComposerVersion,
        };
        if (request.ConfigHash is not null)
        {
            labels[ComposeLabels.ConfigHash] = request.ConfigHash;
        }

        return calls.ChangeAsync($"create volume {request.Volume.Name}", token => client.Volumes.CreateAsync(new VolumesCreateParameters
        {
            Name = request.Volume.Name,
            Driver = request.Volume.Driver ?? "local",
            DriverOpts = request.Volume.DriverOpts.ToDictionary(StringComparer.Ordinal),
            Labels = labels,
        }, token), cancellationToken);
    }

    public Task RemoveVolumeAsync(string name, CancellationToken cancellationToken) =>
        calls.ChangeAsync($"remove volume {name}", async token =>
        {
            try
            {
                await client.Volumes.RemoveAsync(name, force: false, token);
            }
            catch (DockerApiException exception) when (exception.StatusCode == HttpStatusCode.NotFound)
            {
                // Already gone.
            }
        }, cancellationToken);

    public IAsyncEnumerable<EngineEvent> ContainerEventsAsync(IReadOnlyDictionary<string, string?> labels, CancellationToken cancellationToken) =>
        ContainerEventsAsync(labels, null, null, cancellationToken);

    public async IAsyncEnumerable<EngineEvent> ContainerEventsAsync(
        IReadOnlyDictionary<string, string?> labels, string? since, string? until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
        var filters = LabelFilters.For(labels);
        filters["type"] = new Dictionary<string, bool>(StringComparer.Ordinal) { ["container"] = true };
        var monitor = Task.Run(async () =>
        {
            try
            {
                await calls.BlockingAsync("follow engine events", token => client.System.MonitorEventsAsync(
                    new ContainerEventsParameters { Filters = filters, Since = since, Until = until }, new ChannelProgress<Message>(channel.Writer), token), cancellationToken);
                channel.Writer.TryComplete();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                channel.Writer.TryComplete();
            }
            catch (EngineException exception)
            {
                channel.Writer.TryComplete(exception);
            }
        }, CancellationToken.None);

        await foreach (var message in channel.Reader.ReadAllAsync(cancellationToken))
        {
            yield return new EngineEvent(
                message.Actor?.ID ?? "",
                message.Action ?? "",
                new Dictionary<string, string>(message.Actor?.Attributes ?? new Dictionary<string, string>(), StringComparer.Ordinal),
                EventTime(message));
        }

        await monitor;
    }

    public async IAsyncEnumerable<LogLine> ContainerLogsAsync(
        string idOrName, LogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = new ContainerLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = request.Follow,
            Tail = request.Tail,
            Since = request.Since,
            Until = request.Until,
            Timestamps = request.Timestamps,
        };

        // Only opening the stream is retried: once lines were handed out, a retry would repeat them.
        var stream = await calls.BlockingAsync<MultiplexedStream?>($"read the logs of container {idOrName}", async token =>
        {
            try
            {
                return await client.Containers.GetContainerLogsAsync(idOrName, parameters, token);
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);
        if (stream is null)
        {
            yield break;
        }

        using (stream)
        {
            await foreach (var line in MultiplexedLines.ReadAsync(stream, cancellationToken))
            {
                yield return line;
            }
        }
    }

    public Task<long?> WaitContainerAsync(string idOrName, CancellationToken cancellationToken) =>
        calls.BlockingAsync<long?>($"wait for container {idOrName}", async token =>
        {
            try
            {
                var response = await client.Containers.WaitContainerAsync(idOrName, token);
                return response.StatusCode;
            }
            catch (DockerContainerNotFoundException)
            {
                return null;
            }
        }, cancellationToken);

    public async Task<bool> ImageExistsAsync(string name, CancellationToken cancellationToken) =>
        await ImageIdAsync(name, cancellationToken) is not null;

    public async Task<string?> ImageIdAsync(string name, CancellationToken cancellationToken) =>
        (await Images.InspectAsync(name, cancellationToken))?.Id;

    public async Task<string> BuildImageAsync(BuildRequest request, IBuildObserver? observer, CancellationToken cancellationToken)
    {
                var builder = await BuilderAsync(cancellationToken);
        if (builder.BuildKit)
        {
            await builders.BuildKit(calls).BuildAsync(request, observer, cancellationToken);
        }
        else
        {
            await new ImageBuilder(client, calls).BuildAsync(request, observer, cancellationToken);
        }

        return await ImageIdAsync(request.Tags[0], cancellationToken)
            ?? throw new EngineException($"service \"{request.ServiceName}\" built no image {request.Tags[0]}");
    }

    public Task<BuilderInfo> BuilderAsync(CancellationToken cancellationToken) =>
        calls.QueryAsync("ask the engine for its version", builders.InfoAsync, cancellationToken);

    public void Dispose()
    {
        builders.Dispose();
        client.Dispose();
    }

    private static ContainerSummary ToSummary(ContainerListResponse container) => new()
    {
        Id = container.ID,
        Name = (container.Names?.FirstOrDefault() ?? container.ID).TrimStart('/'),
        Image = container.Image ?? "",
        Command = container.Command ?? "",
        Created = new DateTimeOffset(DateTime.SpecifyKind(container.Created, DateTimeKind.Utc)),
        State = container.State ?? "",
        Status = container.Status ?? "",
        Health = HealthFromStatus(container.Status),
        Labels = new Dictionary<string, string>(container.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        Ports = [.. (container.Ports ?? []).Select(port => new PublishedPort(
            string.IsNullOrEmpty(port.IP) ? null : port.IP, port.PublicPort, port.PrivatePort, port.Type ?? "tcp"))],
        Networks = [.. (container.NetworkSettings?.Networks?.Keys ?? []).Order(StringComparer.Ordinal)],
    };

    // API 1.41 lists no health field; the status text carries it as "(healthy)" and such.
    private static string? HealthFromStatus(string? status) => status switch
    {
        null => null,
        _ when status.Contains("(healthy)", StringComparison.Ordinal) => "healthy",
        _ when status.Contains("(unhealthy)", StringComparison.Ordinal) => "unhealthy",
        _ when status.Contains("(health: starting)", StringComparison.Ordinal) => "starting",
        _ => null,
    };

    private static ContainerInspection ToInspection(ContainerInspectResponse container) => new()
    {
        Id = container.ID,
        Name = (container.Name ?? "").TrimStart('/'),
        State = container.State?.Status ?? "",
        Running = container.State?.Running ?? false,
        ExitCode = container.State?.ExitCode ?? 0,
        Health = container.State?.Health?.Status is { Length: > 0 } health ? health : null,
        LastHealthOutput = container.State?.Health?.Log?.LastOrDefault()?.Output?.Trim(),
        Labels = new Dictionary<string, string>(container.Config?.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        Networks = (container.NetworkSettings?.Networks ?? new Dictionary<string, EndpointSettings>()).ToDictionary(
            pair => pair.Key,
            pair => (IReadOnlyList<string>)[.. pair.Value.Aliases ?? []],
            StringComparer.Ordinal),
    };

    private static DateTimeOffset? EventTime(Message message) =>
        message.TimeNano is > 0 and var nanos ? DateTimeOffset.UnixEpoch.AddTicks(nanos / 100) : null;

    private static EngineNetwork ToNetwork(NetworkResponse network) =>
        new(network.ID, network.Name, new Dictionary<string, string>(network.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal))
        {
            Created = network.Created == default ? null : new DateTimeOffset(DateTime.SpecifyKind(network.Created, DateTimeKind.Utc)),
        };

    private static EngineVolume ToVolume(VolumeResponse volume) =>
        new(volume.Name, new Dictionary<string, string>(volume.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal))
        {
            Driver = volume.Driver ?? "local",
            Options = new Dictionary<string, string>(volume.Options ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        };
}
