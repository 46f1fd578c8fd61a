using System.Globalization;
using System.Security.Cryptography;
using Composer.Model;
using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>
/// Turns a loaded project into what its stack should be on a swarm, as docker stack deploy converts a compose file
/// (names &lt;stack&gt;_&lt;key&gt;, the stack namespace label everywhere, the service key as a network alias), plus
/// what docker's converter does not read (depends_on, the spec-level defaults written out so specs compare).
/// Pure: the secret and config contents are read by the caller and handed in.
/// </summary>
public static class StackTranslator
{
    /// <summary>
    /// The desired stack; throws <see cref="PlanningException"/> listing every refusal (one line each) when some
    /// attribute cannot be deployed, before anything is sent. <paramref name="imagesBuilt"/>: the deploy builds the
    /// images first (--build), so build sections are not warned about.
    /// </summary>
    public static DesiredStack Translate(Project project, IReadOnlyDictionary<(SwarmObjectKind Kind, string Key), ReadOnlyMemory<byte>> contents, bool imagesBuilt = false)
    {
        var stack = project.Name;
        var refusals = new List<string>();
        var warnings = new List<string>();
        var services = new List<StackService>();
        var usedNetworks = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var service in project.Services.Values)
        {
            var (refused, warned) = SwarmAttributeRules.Check(service, imagesBuilt);
            refusals.AddRange(refused);
            warnings.AddRange(warned);
            if (refused.Count > 0)
            {
                continue;
            }

            try
            {
                services.Add(new StackService
                {
                    Spec = ServiceSpec(project, service, usedNetworks),
                    DependsOn = SwarmMaps.Sorted(service.DependsOn.Where(pair => project.Services.ContainsKey(pair.Key))
                        .Select(pair => KeyValuePair.Create(pair.Key, pair.Value.Condition))),
                });
            }
            catch (PlanningException problem)
            {
                refusals.Add(problem.Message);
            }
        }

        if (refusals.Count > 0)
        {
            throw new PlanningException(string.Join('\n', refusals));
        }

        var networks = new List<SwarmNetworkSpec>();
        var external = new List<string>();
        foreach (var key in usedNetworks)
        {
            var network = project.Networks.GetValueOrDefault(key) ?? new Network { Name = StackLabels.Scope(stack, key) };
            if (network.External)
            {
                external.Add(network.Name);
                continue;
            }

            networks.Add(new SwarmNetworkSpec
            {
                Name = network.Name,
                Driver = network.Driver ?? "overlay",
                DriverOpts = network.DriverOpts,
                Labels = WithNamespace(network.Labels, stack),
                Internal = network.Internal ?? false,
                Attachable = network.Attachable ?? false,
                IpamDriver = network.Ipam?.Driver,
                Subnets = [.. network.Ipam?.Config.Select(pool => pool.Subnet).OfType<string>() ?? []],
            });
        }

        return new DesiredStack
        {
            Name = stack,
            Services = services,
            Networks = networks,
            ExternalNetworks = external,
            Objects = [.. Objects(project, SwarmObjectKind.Secret, project.Secrets, contents), .. Objects(project, SwarmObjectKind.Config, project.Configs, contents)],
            Warnings = warnings,
        };
    }

    private static IEnumerable<StackObject> Objects(Project project, SwarmObjectKind kind, IReadOnlyDictionary<string, FileObject> objects,
        IReadOnlyDictionary<(SwarmObjectKind Kind, string Key), ReadOnlyMemory<byte>> contents)
    {
        var used = project.Services.Values.SelectMany(service => kind == SwarmObjectKind.Secret ? service.Secrets : service.Configs)
            .Select(reference => reference.Source).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, file) in objects.Where(pair => used.Contains(pair.Key)))
        {
            if (file.External)
            {
                yield return new StackObject { Kind = kind, Key = key, BaseName = file.Name, External = true };
                continue;
            }

            var data = contents.TryGetValue((kind, key), out var bytes) ? bytes : ReadOnlyMemory<byte>.Empty;
            var hash = Convert.ToHexStringLower(SHA256.HashData(data.Span));
            var labels = new SortedDictionary<string, string>(file.Labels.ToDictionary(), StringComparer.Ordinal)
            {
                [StackLabels.Namespace] = project.Name,
                [StackLabels.ObjectKey] = key,
                [StackLabels.ContentHash] = hash,
            };
            yield return new StackObject
            {
                Kind = kind,
                Key = key,
                BaseName = file.Name,
                Data = data,
                ContentHash = hash,
                Labels = labels,
                TemplateDriver = file.TemplateDriver,
            };
        }
    }

    private static SwarmServiceSpec ServiceSpec(Project project, Service service, ISet<string> usedNetworks)
    {
        var stack = project.Name;
        var image = service.Image!;
        var deploy = service.Deploy ?? new Deploy();
        var mode = deploy.Mode ?? SwarmModes.Replicated;
        if (mode is not (SwarmModes.Replicated or SwarmModes.Global or SwarmModes.ReplicatedJob or SwarmModes.GlobalJob))
        {
            throw new PlanningException($"service \"{service.Name}\": unknown deploy.mode {mode}");
        }

        var replicas = service.Scale ?? deploy.Replicas;
        if (replicas is not null && mode is SwarmModes.Global or SwarmModes.GlobalJob)
        {
            throw new PlanningException($"service \"{service.Name}\": replicas can only be used with replicated or replicated-job mode");
        }

        var labels = new SortedDictionary<string, string>(deploy.Labels.ToDictionary(), StringComparer.Ordinal)
        {
            [StackLabels.Namespace] = stack,
            [StackLabels.Image] = image,
        };
        var networkKeys = service.Networks.Count == 0 ? new Dictionary<string, ServiceNetwork?> { ["default"] = null } : service.Networks.ToDictionary();
        var attachments = new List<SwarmNetworkAttachment>();
        foreach (var (key, attachment) in networkKeys)
        {
            usedNetworks.Add(key);
            var name = project.Networks.GetValueOrDefault(key)?.Name ?? StackLabels.Scope(stack, key);
            attachments.Add(new SwarmNetworkAttachment
            {
                Target = name,
                Aliases = [.. attachment?.Aliases ?? [], service.Name],
                DriverOpts = attachment?.DriverOpts ?? SwarmMaps.Empty<string>(),
            });
        }

        return new SwarmServiceSpec
        {
            Name = StackLabels.Scope(stack, service.Name),
            Service = service.Name,
            Labels = labels,
            Container = ContainerSpec(project, service, image),
            Mode = mode,
            Replicas = mode is SwarmModes.Replicated or SwarmModes.ReplicatedJob ? (ulong)(replicas ?? 1) : null,
            Networks = [.. attachments.OrderBy(attachment => attachment.Target, StringComparer.Ordinal)],
            EndpointMode = GenericValues.String(deploy.Other.Values, "endpoint_mode"),
            Ports = [.. service.Ports.Select(port => new SwarmPort
            {
                Target = (uint)port.Target,
                Published = port.Published is { } published ? uint.Parse(published, CultureInfo.InvariantCulture) : null,
                Protocol = port.Protocol,
                Mode = port.Mode,
            })],
            Placement = Placement(deploy),
            Resources = Resources(service, deploy),
            RestartPolicy = RestartPolicy(service, deploy),
            UpdateConfig = UpdatePolicy(GenericValues.Map(deploy.Other, "update_config")),
            RollbackConfig = UpdatePolicy(GenericValues.Map(deploy.Other, "rollback_config")),
            LogDriver = service.Logging,
        };
    }

    private static SwarmContainerSpec ContainerSpec(Project project, Service service, string image) => new()
    {
        Image = image,
        Labels = WithNamespace(service.Labels, project.Name),
        Command = service.Entrypoint,
        Args = service.Command,
        Hostname = service.Hostname,
        Env = [.. service.Environment
            .Select(pair => pair.Value is { } value ? $"{pair.Key}={value}"
                : project.Environment.TryGetValue(pair.Key, out var fromCaller) ? $"{pair.Key}={fromCaller}" : pair.Key)
            .Order(StringComparer.Ordinal)],
        Dir = service.WorkingDir,
        User = service.User,
        Groups = service.GroupAdd,
        Init = service.Init,
        StopSignal = service.StopSignal,
        StopGracePeriod = service.StopGracePeriod,
        Tty = service.Tty,
        OpenStdin = service.StdinOpen,
        ReadOnly = service.ReadOnly,
        Hosts = [.. service.ExtraHosts.Select(host => $"{host.Address} {host.Host}")],
        DnsServers = service.Dns,
        DnsSearch = service.DnsSearch,
        DnsOptions = service.DnsOpt,
        Healthcheck = service.Healthcheck,
        Mounts = Mounts(project, service),
        Secrets = [.. service.Secrets.Select(reference => FileReference(project.Secrets, reference, reference.Target ?? reference.Source))
            .OrderBy(reference => reference.ObjectName, StringComparer.Ordinal)],
        Configs = [.. service.Configs.Select(reference => FileReference(project.Configs, reference, reference.Target ?? "/" + reference.Source))
            .OrderBy(reference => reference.ObjectName, StringComparer.Ordinal)],
        Sysctls = service.Sysctls,
        CapAdd = service.CapAdd,
        CapDrop = service.CapDrop,
        Ulimits = service.Ulimits,
        OomScoreAdj = service.OomScoreAdj,
        Isolation = service.Isolation,
    };

    private static SwarmFileReference FileReference(IReadOnlyDictionary<string, FileObject> objects, FileReference reference, string target) => new()
    {
        ObjectName = objects.TryGetValue(reference.Source, out var file) ? file.Name : reference.Source,
        Target = target,
        Uid = reference.Uid ?? "0",
        Gid = reference.Gid ?? "0",
        Mode = reference.Mode ?? 0x124,
    };

    private static IReadOnlyList<SwarmMount> Mounts(Project project, Service service)
    {
        var mounts = new List<SwarmMount>();
        foreach (var volume in service.Volumes)
        {
            var named = volume is { Type: "volume", Source: { } key } ? project.Volumes.GetValueOrDefault(key) : null;
            mounts.Add(new SwarmMount
            {
                Type = volume.Type,
                Source = named?.Name ?? volume.Source,
                Target = volume.Target,
                ReadOnly = volume.ReadOnly,
                NoCopy = volume.Volume?.NoCopy,
                VolumeDriver = named?.External == false ? named.Driver : null,
                VolumeDriverOptions = named?.External == false ? named.DriverOpts : SwarmMaps.Empty<string>(),
                VolumeLabels = named?.External == false ? WithNamespace(named.Labels, project.Name) : SwarmMaps.Empty<string>(),
                Propagation = volume.Bind?.Propagation,
                TmpfsSize = volume.Tmpfs?.Size,
                TmpfsMode = volume.Tmpfs?.Mode,
            });
        }

        mounts.AddRange(service.Tmpfs.Select(path => new SwarmMount { Type = "tmpfs", Target = path.Split(':')[0] }));
        return mounts;
    }

    private static SwarmPlacement? Placement(Deploy deploy)
    {
        var placement = GenericValues.Map(deploy.Other, "placement");
        if (placement is null)
        {
            return null;
        }

        return new SwarmPlacement
        {
            Constraints = [.. GenericValues.List(placement, "constraints").OfType<string>()],
            Spread = [.. GenericValues.List(placement, "preferences").OfType<IReadOnlyDictionary<string, object?>>()
                .Select(preference => GenericValues.String(preference, "spread")).OfType<string>()],
            MaxReplicasPerNode = GenericValues.Long(placement, "max_replicas_per_node") is { } max ? (ulong)max : null,
        };
    }

    private static SwarmResources? Resources(Service service, Deploy deploy)
    {
        // mem_limit, cpus and pids_limit outside deploy keep their meaning: they become limits when deploy sets none.
        var limits = deploy.Limits ?? (service.MemLimit is null && service.Cpus is null && service.PidsLimit is null
            ? null
            : new ResourceSpec { Memory = service.MemLimit, Cpus = service.Cpus, Pids = service.PidsLimit });
        var reservations = deploy.Reservations ?? (service.MemReservation is { } reserved ? new ResourceSpec { Memory = reserved } : null);
        var generic = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var reservationsGeneric = GenericValues.Map(GenericValues.Map(deploy.Other, "resources"), "reservations");
        foreach (var entry in GenericValues.List(reservationsGeneric, "generic_resources").OfType<IReadOnlyDictionary<string, object?>>())
        {
            var discrete = GenericValues.Map(entry, "discrete_resource_spec");
            if (GenericValues.String(discrete, "kind") is { } kind)
            {
                generic[kind] = GenericValues.Long(discrete, "value") ?? 0;
            }
        }

        if (limits is null && reservations is null && generic.Count == 0)
        {
            return null;
        }

        return new SwarmResources
        {
            LimitNanoCpus = limits?.Cpus is { } cpus ? (long)Math.Round(cpus * 1e9) : null,
            LimitMemory = limits?.Memory,
            LimitPids = limits?.Pids,
            ReserveNanoCpus = reservations?.Cpus is { } reserve ? (long)Math.Round(reserve * 1e9) : null,
            ReserveMemory = reservations?.Memory,
            GenericResources = generic,
        };
    }

    private static SwarmRestartPolicy? RestartPolicy(Service service, Deploy deploy)
    {
        if (deploy.RestartPolicy is { } policy)
        {
            return new SwarmRestartPolicy
            {
                Condition = policy.Condition ?? "any",
                Delay = policy.Delay,
                MaxAttempts = policy.MaxAttempts is { } attempts ? (ulong)attempts : null,
                Window = policy.Window,
            };
        }

        if (service.Restart is not { } restart)
        {
            return null;
        }

        var parts = restart.Split(':', 2);
        ulong? max = parts.Length == 2 && ulong.TryParse(parts[1], CultureInfo.InvariantCulture, out var count) && count > 0 ? count : null;
        return parts[0] switch
        {
            "no" => new SwarmRestartPolicy { Condition = "none" },
            "always" or "unless-stopped" => new SwarmRestartPolicy { Condition = "any", MaxAttempts = max },
            "on-failure" => new SwarmRestartPolicy { Condition = "on-failure", MaxAttempts = max },
            _ => throw new PlanningException($"service \"{service.Name}\": unknown restart policy {restart}"),
        };
    }

    private static SwarmUpdatePolicy? UpdatePolicy(IReadOnlyDictionary<string, object?>? config) => config is null ? null : new SwarmUpdatePolicy
    {
        Parallelism = GenericValues.Long(config, "parallelism") is { } parallelism ? (ulong)parallelism : 1,
        Delay = GenericValues.Duration(config, "delay"),
        FailureAction = GenericValues.String(config, "failure_action"),
        Monitor = GenericValues.Duration(config, "monitor"),
        MaxFailureRatio = (float)(GenericValues.Double(config, "max_failure_ratio") ?? 0),
        Order = GenericValues.String(config, "order"),
    };

    private static IReadOnlyDictionary<string, string> WithNamespace(IReadOnlyDictionary<string, string> labels, string stack) =>
        SwarmMaps.Sorted(labels.Append(KeyValuePair.Create(StackLabels.Namespace, stack)).Where(pair => pair.Key != StackLabels.Namespace || pair.Value == stack));
}
