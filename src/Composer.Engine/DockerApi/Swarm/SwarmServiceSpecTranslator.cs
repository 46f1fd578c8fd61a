using Composer.Engine.Contracts;
using Composer.Model.Swarm;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi.Swarm;

/// <summary>Turns an engine-neutral service spec into the Engine API's, resolving secret and config names to ids.</summary>
internal static class SwarmServiceSpecTranslator
{
    public static ServiceSpec Translate(SwarmServiceSpec spec, SwarmObjectIds objects) => new()
    {
        Name = spec.Name,
        Labels = new Dictionary<string, string>(spec.Labels),
        TaskTemplate = new TaskSpec
        {
            ContainerSpec = Container(spec.Container, objects),
            Resources = Resources(spec.Resources),
            RestartPolicy = spec.RestartPolicy is { } restart ? new Docker.DotNet.Models.SwarmRestartPolicy
            {
                Condition = restart.Condition,
                Delay = restart.Delay,
                MaxAttempts = restart.MaxAttempts,
                Window = restart.Window,
            } : null,
            Placement = spec.Placement is { } placement ? new Placement
            {
                Constraints = [.. placement.Constraints],
                Preferences = [.. placement.Spread.Select(spread => new PlacementPreference { Spread = new SpreadOver { SpreadDescriptor = spread } })],
                MaxReplicas = placement.MaxReplicasPerNode,
                Platforms = placement.Platforms is { } platforms ? [.. platforms.Select(platform => new SwarmPlatform { OS = platform.Os, Architecture = platform.Architecture })] : null,
            } : null,
            Networks = [.. spec.Networks.Select(network => new NetworkAttachmentConfig
            {
                Target = network.Target,
                Aliases = [.. network.Aliases],
                DriverOpts = network.DriverOpts.Count == 0 ? null! : new Dictionary<string, string>(network.DriverOpts),
            })],
            LogDriver = spec.LogDriver is { Driver: { } driver } logging
                ? new SwarmDriver { Name = driver, Options = new Dictionary<string, string>(logging.Options) }
                : null,
        },
        Mode = spec.Mode switch
        {
            SwarmModes.Global => new ServiceMode { Global = new GlobalService() },
            SwarmModes.GlobalJob => new ServiceMode { GlobalJob = new GlobalJob() },
            SwarmModes.ReplicatedJob => new ServiceMode { ReplicatedJob = new ReplicatedJob { MaxConcurrent = spec.Replicas, TotalCompletions = spec.Replicas } },
            _ => new ServiceMode { Replicated = new ReplicatedService { Replicas = spec.Replicas } },
        },
        UpdateConfig = Update(spec.UpdateConfig),
        RollbackConfig = Update(spec.RollbackConfig),
        EndpointSpec = new EndpointSpec
        {
            Mode = spec.EndpointMode,
            Ports = [.. spec.Ports.Select(port => new PortConfig
            {
                Protocol = port.Protocol,
                TargetPort = port.Target,
                PublishedPort = port.Published,
                PublishMode = port.Mode,
            })],
        },
    };

    private static Docker.DotNet.Models.ContainerSpec Container(SwarmContainerSpec container, SwarmObjectIds objects) => new()
    {
        Image = container.Image,
        Labels = new Dictionary<string, string>(container.Labels),
        Command = container.Command is { } command ? [.. command] : null,
        Args = container.Args is { } args ? [.. args] : null,
        Hostname = container.Hostname,
        Env = [.. container.Env],
        Dir = container.Dir,
        User = container.User,
        Groups = container.Groups.Count == 0 ? null : [.. container.Groups],
        Init = container.Init,
        StopSignal = container.StopSignal,
        StopGracePeriod = container.StopGracePeriod,
        TTY = container.Tty,
        OpenStdin = container.OpenStdin,
        ReadOnly = container.ReadOnly,
        Hosts = container.Hosts.Count == 0 ? null : [.. container.Hosts],
        DNSConfig = container.DnsServers.Count + container.DnsSearch.Count + container.DnsOptions.Count == 0 ? null : new DNSConfig
        {
            Nameservers = [.. container.DnsServers],
            Search = [.. container.DnsSearch],
            Options = [.. container.DnsOptions],
        },
        Healthcheck = container.Healthcheck is { } health ? new HealthcheckConfig
        {
            Test = health.Disable ? ["NONE"] : health.Test is { } test ? [.. test] : null,
            Interval = health.Interval,
            Timeout = health.Timeout,
            StartPeriod = health.StartPeriod,
            StartInterval = health.StartInterval,
            Retries = health.Retries,
        } : null,
        Mounts = [.. container.Mounts.Select(Mount)],
        Secrets = [.. container.Secrets.Select(reference => new SecretReference
        {
            SecretName = reference.ObjectName,
            SecretID = Id(objects.Secrets, reference.ObjectName, "secret"),
            File = new SecretReferenceFileTarget { Name = reference.Target, UID = reference.Uid, GID = reference.Gid, Mode = (uint)reference.Mode },
        })],
        Configs = [.. container.Configs.Select(reference => new SwarmConfigReference
        {
            ConfigName = reference.ObjectName,
            ConfigID = Id(objects.Configs, reference.ObjectName, "config"),
            File = new ConfigReferenceFileTarget { Name = reference.Target, UID = reference.Uid, GID = reference.Gid, Mode = (uint)reference.Mode },
        })],
        Sysctls = container.Sysctls.Count == 0 ? null : new Dictionary<string, string>(container.Sysctls),
        CapabilityAdd = container.CapAdd.Count == 0 ? null : [.. container.CapAdd],
        CapabilityDrop = container.CapDrop.Count == 0 ? null : [.. container.CapDrop],
        Ulimits = container.Ulimits.Count == 0 ? null : [.. container.Ulimits.Select(pair => new Ulimit { Name = pair.Key, Soft = pair.Value.Soft, Hard = pair.Value.Hard })],
        OomScoreAdj = container.OomScoreAdj,
        Isolation = container.Isolation,
    };

    private static string Id(IReadOnlyDictionary<string, string> ids, string name, string noun) =>
        ids.TryGetValue(name, out var id) ? id : throw new EngineException($"{noun} {name} not found on the swarm");

    private static Mount Mount(SwarmMount mount) => new()
    {
        Type = mount.Type,
        Source = mount.Source,
        Target = mount.Target,
        ReadOnly = mount.ReadOnly,
        BindOptions = mount.Propagation is { } propagation ? new BindOptions { Propagation = propagation } : null,
        VolumeOptions = mount.Type == "volume" && (mount.NoCopy is not null || mount.VolumeDriver is not null || mount.VolumeLabels.Count > 0)
            ? new VolumeOptions
            {
                NoCopy = mount.NoCopy,
                Labels = new Dictionary<string, string>(mount.VolumeLabels),
                DriverConfig = mount.VolumeDriver is { } driver ? new Driver { Name = driver, Options = new Dictionary<string, string>(mount.VolumeDriverOptions) } : null,
            }
            : null,
        TmpfsOptions = mount.Type == "tmpfs" && (mount.TmpfsSize is not null || mount.TmpfsMode is not null)
            ? new TmpfsOptions { SizeBytes = mount.TmpfsSize, Mode = (uint?)mount.TmpfsMode }
            : null,
    };

    private static ResourceRequirements? Resources(Composer.Model.Swarm.SwarmResources? resources) => resources is null ? null : new ResourceRequirements
    {
        Limits = resources.LimitNanoCpus is null && resources.LimitMemory is null && resources.LimitPids is null ? null : new SwarmLimit
        {
            NanoCPUs = resources.LimitNanoCpus,
            MemoryBytes = resources.LimitMemory,
            Pids = resources.LimitPids,
        },
        Reservations = resources.ReserveNanoCpus is null && resources.ReserveMemory is null && resources.GenericResources.Count == 0 ? null : new Docker.DotNet.Models.SwarmResources
        {
            NanoCPUs = resources.ReserveNanoCpus,
            MemoryBytes = resources.ReserveMemory,
            GenericResources = resources.GenericResources.Count == 0 ? null
                : [.. resources.GenericResources.Select(pair => new GenericResource { DiscreteResourceSpec = new DiscreteGenericResource { Kind = pair.Key, Value = pair.Value } })],
        },
    };

    private static SwarmUpdateConfig? Update(SwarmUpdatePolicy? policy) => policy is null ? null : new SwarmUpdateConfig
    {
        Parallelism = policy.Parallelism,
        Delay = policy.Delay,
        FailureAction = policy.FailureAction,
        Monitor = policy.Monitor,
        MaxFailureRatio = policy.MaxFailureRatio,
        Order = policy.Order!,
    };
}
