using System.Net;
using System.Runtime.CompilerServices;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Model.Swarm;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi.Swarm;

/// <summary><see cref="ISwarmEngine"/> on Docker.DotNet's Swarm, Tasks, Secrets, Configs and Networks clients.</summary>
internal sealed class DockerSwarmEngine(DockerClient client, EngineCalls calls) : ISwarmEngine
{
    public async Task EnsureManagerAsync(CancellationToken cancellationToken)
    {
        var info = await calls.QueryAsync("read the engine's swarm state", token => client.System.GetSystemInfoAsync(token), cancellationToken);
        var swarm = info.Swarm;
        if (swarm is null || swarm.LocalNodeState is "inactive" or "" or null)
        {
            throw new EngineException($"the engine at {calls.Endpoint} is not part of a swarm: run `docker swarm init` there, or point DOCKER_HOST at a swarm manager");
        }

        if (!swarm.ControlAvailable)
        {
            throw new EngineException($"the engine at {calls.Endpoint} is a swarm worker, not a manager: point DOCKER_HOST at a manager (`docker node ls` lists them), or promote this node with `docker node promote`");
        }
    }

    public async Task<IReadOnlyList<SwarmServiceState>> ListServicesAsync(string? stack, CancellationToken cancellationToken)
    {
        var services = await calls.QueryAsync("list swarm services", token => client.Swarm.ListServicesAsync(
            new ServiceListParameters { Filters = NamespaceFilter(stack), Status = true }, token), cancellationToken);
        return [.. services.Select(SwarmStateTranslator.Service)];
    }

    public async Task<IReadOnlyList<SwarmTaskState>> ListTasksAsync(string stack, CancellationToken cancellationToken)
    {
        // Tasks carry their service's labels, so the namespace filter finds a stack's tasks in one call.
        var tasks = await calls.QueryAsync($"list the tasks of stack {stack}", token => client.Tasks.ListAsync(
            new TasksListParameters { Filters = NamespaceFilter(stack) }, token), cancellationToken);
        return [.. tasks.Select(SwarmStateTranslator.Task)];
    }

    public async Task<IReadOnlyList<SwarmNodeState>> ListNodesAsync(CancellationToken cancellationToken)
    {
        var nodes = await calls.QueryAsync("list swarm nodes", token => client.Swarm.ListNodesAsync(token), cancellationToken);
        return [.. nodes.Select(node => new SwarmNodeState(node.ID, node.Description?.Hostname ?? node.ID, node.Status?.State ?? "unknown", node.Status?.Addr))];
    }

    public async Task<IReadOnlyList<SwarmObjectState>> ListObjectsAsync(CancellationToken cancellationToken)
    {
        var secrets = calls.QueryAsync("list secrets", token => client.Secrets.ListAsync(token), cancellationToken);
        var configs = calls.QueryAsync("list configs", token => client.Configs.ListConfigsAsync(token), cancellationToken);
        return
        [
            .. (await secrets).Select(secret => new SwarmObjectState(SwarmObjectKind.Secret, secret.ID, secret.Spec.Name ?? secret.ID, Labels(secret.Spec.Labels))),
            .. (await configs).Select(config => new SwarmObjectState(SwarmObjectKind.Config, config.ID, config.Spec.Name ?? config.ID, Labels(config.Spec.Labels))),
        ];
    }

    public async Task<IReadOnlyList<SwarmNetworkState>> ListNetworksAsync(CancellationToken cancellationToken)
    {
        var networks = await calls.QueryAsync("list networks", token => client.Networks.ListNetworksAsync(new NetworksListParameters(), token), cancellationToken);
        return [.. networks.Select(network => new SwarmNetworkState(network.ID, network.Name, network.Driver, network.Scope, Labels(network.Labels)))];
    }

    public async Task<SwarmImageDigest?> ResolveImageAsync(string image, CancellationToken cancellationToken)
    {
        try
        {
            // Blocking policy: the engine answers 500 for an unreachable registry, and asking again would not help.
            var answer = await calls.BlockingAsync($"resolve the digest of image {image}",
                token => client.Distribution.InspectAsync(image, token), cancellationToken);
            return answer.Descriptor?.Digest is { Length: > 0 } digest ? new SwarmImageDigest(digest, ImagePlatforms.Of(answer.Platforms)) : null;
        }
        catch (Exception failure) when (failure is DockerApiException or HttpRequestException or EngineException && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async Task<string> CreateServiceAsync(SwarmServiceSpec spec, SwarmObjectIds objects, RegistryCredentials? registryAuth, CancellationToken cancellationToken)
    {
        var parameters = new ServiceCreateParameters { Service = SwarmServiceSpecTranslator.Translate(spec, objects), RegistryAuth = Auth(registryAuth)! };
        var created = await calls.ChangeAsync($"create service {spec.Name}", token => client.Swarm.CreateServiceAsync(parameters, token), cancellationToken);
        return created.ID ?? "";
    }

    public Task UpdateServiceAsync(string id, ulong version, SwarmServiceSpec spec, SwarmObjectIds objects, RegistryCredentials? registryAuth, CancellationToken cancellationToken)
    {
        var parameters = new ServiceUpdateParameters
        {
            Service = SwarmServiceSpecTranslator.Translate(spec, objects),
            Version = (long)version,
            RegistryAuth = Auth(registryAuth)!,
        };
        return calls.ChangeAsync($"update service {spec.Name}", token => client.Swarm.UpdateServiceAsync(id, parameters, token), cancellationToken);
    }

    public async Task ScaleServiceAsync(string idOrName, ulong replicas, CancellationToken cancellationToken)
    {
        var service = await InspectAsync(idOrName, cancellationToken);
        var spec = service.Spec ?? throw new EngineException($"service {idOrName} has no spec");
        if (spec.Mode?.Replicated is { } replicated)
        {
            replicated.Replicas = replicas;
        }
        else if (spec.Mode?.ReplicatedJob is { } job)
        {
            job.TotalCompletions = replicas;
        }
        else
        {
            throw new EngineException($"service {spec.Name} is global: only replicated services can be scaled");
        }

        await calls.ChangeAsync($"scale service {spec.Name}", token => client.Swarm.UpdateServiceAsync(service.ID,
            new ServiceUpdateParameters { Service = spec, Version = (long)(service.Version?.Index ?? 0) }, token), cancellationToken);
    }

    public async Task RollbackServiceAsync(string idOrName, CancellationToken cancellationToken)
    {
        var service = await InspectAsync(idOrName, cancellationToken);
        if (service.PreviousSpec is null)
        {
            throw new EngineException($"service {service.Spec?.Name} has no previous spec to roll back to");
        }

        await calls.ChangeAsync($"roll back service {service.Spec?.Name}", token => client.Swarm.UpdateServiceAsync(service.ID,
            new ServiceUpdateParameters { Service = service.Spec!, Version = (long)(service.Version?.Index ?? 0), Rollback = "previous" }, token), cancellationToken);
    }

    public Task RemoveServiceAsync(string idOrName, CancellationToken cancellationToken) =>
        RemoveAsync($"remove service {idOrName}", token => client.Swarm.RemoveServiceAsync(idOrName, token), cancellationToken);

    public async Task<string> CreateObjectAsync(SwarmObjectSpec spec, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string>(spec.Labels);
        var data = spec.Data.ToArray();
        var templating = spec.TemplateDriver is { } driver ? new SwarmDriver { Name = driver } : null;
        if (spec.Kind == SwarmObjectKind.Secret)
        {
            var secret = await calls.ChangeAsync($"create secret {spec.Name}", token => client.Secrets.CreateAsync(
                new SwarmSecretSpec { Name = spec.Name, Labels = labels, Data = data, Templating = templating }, token), cancellationToken);
            return secret.ID;
        }

        var config = await calls.ChangeAsync($"create config {spec.Name}", token => client.Configs.CreateConfigAsync(
            new SwarmCreateConfigParameters { Config = new SwarmConfigSpec { Name = spec.Name, Labels = labels, Data = data, Templating = templating } }, token), cancellationToken);
        return config.ID;
    }

    public Task RemoveObjectAsync(SwarmObjectKind kind, string id, CancellationToken cancellationToken) => kind == SwarmObjectKind.Secret
        ? RemoveAsync($"remove secret {id}", token => client.Secrets.DeleteAsync(id, token), cancellationToken)
        : RemoveAsync($"remove config {id}", token => client.Configs.RemoveConfigAsync(id, token), cancellationToken);

    public async Task<string> CreateNetworkAsync(SwarmNetworkSpec spec, CancellationToken cancellationToken)
    {
        var parameters = new NetworksCreateParameters
        {
            Name = spec.Name,
            Driver = spec.Driver,
            Scope = "swarm",
            Options = new Dictionary<string, string>(spec.DriverOpts),
            Labels = new Dictionary<string, string>(spec.Labels),
            Internal = spec.Internal,
            Attachable = spec.Attachable,
            IPAM = spec.IpamDriver is null && spec.Subnets.Count == 0 ? null : new IPAM
            {
                Driver = spec.IpamDriver ?? "default",
                Config = [.. spec.Subnets.Select(subnet => new IPAMConfig { Subnet = subnet })],
            },
        };
        var created = await calls.ChangeAsync($"create network {spec.Name}", token => client.Networks.CreateNetworkAsync(parameters, token), cancellationToken);
        return created.ID;
    }

    public Task RemoveNetworkAsync(string idOrName, CancellationToken cancellationToken) =>
        RemoveAsync($"remove network {idOrName}", token => client.Networks.DeleteNetworkAsync(idOrName, token), cancellationToken);

    /// <summary>A removal where "not found" means it is already gone, which is what was asked.</summary>
    private Task RemoveAsync(string operation, Func<CancellationToken, Task> remove, CancellationToken cancellationToken) =>
        calls.ChangeAsync(operation, async token =>
        {
            try
            {
                await remove(token);
            }
            catch (DockerApiException gone) when (gone.StatusCode == HttpStatusCode.NotFound)
            {
            }
        }, cancellationToken);

    public async IAsyncEnumerable<SwarmLogLine> ServiceLogsAsync(string idOrName, LogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var parameters = new ServiceLogsParameters
        {
            ShowStdout = true,
            ShowStderr = true,
            Follow = request.Follow,
            Tail = request.Tail,
            Since = request.Since,
            Timestamps = request.Timestamps,
            Details = true,
        };

        // Only opening the stream is retried: once lines were handed out, a retry would repeat them.
        var stream = await calls.BlockingAsync($"read the logs of service {idOrName}",
            token => client.Swarm.GetServiceLogsAsync(idOrName, false, parameters, token), cancellationToken);
        using (stream)
        {
            await foreach (var line in MultiplexedLines.ReadAsync(stream, cancellationToken))
            {
                yield return ServiceLogLine.Parse(line, request.Timestamps);
            }
        }
    }

    private async Task<SwarmService> InspectAsync(string idOrName, CancellationToken cancellationToken) =>
        await calls.QueryAsync($"inspect service {idOrName}", token => client.Swarm.InspectServiceAsync(idOrName, token), cancellationToken);

    private static IDictionary<string, IDictionary<string, bool>> NamespaceFilter(string? stack) =>
        LabelFilters.For(new Dictionary<string, string?> { [StackLabels.Namespace] = stack });

    private static IReadOnlyDictionary<string, string> Labels(IDictionary<string, string>? labels) =>
        SwarmMaps.Sorted(labels ?? new Dictionary<string, string>());

    private static AuthConfig? Auth(RegistryCredentials? credentials) => credentials is null ? null : new AuthConfig
    {
        ServerAddress = credentials.ServerAddress,
        Username = credentials.Username,
        Password = credentials.Password,
        IdentityToken = credentials.IdentityToken,
    };
}
