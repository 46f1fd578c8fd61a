// Docker.DotNet models declare their strings non-nullable, yet the engine API reads null as "not set".
#pragma warning disable CS8601, CS8625

using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Model;
using Docker.DotNet.Models;
using RestartPolicy = Docker.DotNet.Models.RestartPolicy;

namespace Composer.Engine.DockerApi;

/// <summary>The host-side part of a service: resources, security, restart, logging, mounts and ports.</summary>
internal static class HostConfigTranslator
{
    public static HostConfig Translate(ContainerRequest request)
    {
        var service = request.Service;
        var limits = service.Deploy?.Limits;
        var reservations = service.Deploy?.Reservations;
        var host = new HostConfig
        {
            Binds = MountTranslator.Binds(service),
            Mounts = [.. MountTranslator.Mounts(request.Project, service), .. FileObjectTranslator.Mounts(request)],
            Tmpfs = MountTranslator.Tmpfs(service),
            VolumesFrom = [.. service.VolumesFrom.Select(source => source.ToEngine(SharedContainers.For(request, source.ServiceName, "volumes_from")))],
            PortBindings = PortTranslator.Bindings(service),
            ExtraHosts = [.. service.ExtraHosts.Select(host => $"{host.Host}:{host.Address}")],
            DNS = [.. service.Dns],
            DNSSearch = [.. service.DnsSearch],
            DNSOptions = [.. service.DnsOpt],
            // With network_mode (the default bridge, mostly) links are legacy container links; on user networks they go on the endpoints.
            Links = service.NetworkMode is null ? [] : LinkTranslator.Links(request),
            CapAdd = [.. service.CapAdd],
            CapDrop = [.. service.CapDrop],
            SecurityOpt = [.. service.SecurityOpt],
            GroupAdd = [.. service.GroupAdd],
            Privileged = service.Privileged ?? false,
            ReadonlyRootfs = service.ReadOnly ?? false,
            Init = service.Init,
            RestartPolicy = RestartPolicy(service),
            Memory = service.MemLimit ?? limits?.Memory ?? 0,
            MemoryReservation = service.MemReservation ?? reservations?.Memory ?? 0,
            MemorySwap = service.MemswapLimit ?? 0,
            MemorySwappiness = service.MemSwappiness,
            NanoCPUs = (long)Math.Round((service.Cpus ?? limits?.Cpus ?? 0) * 1_000_000_000),
            CPUShares = service.CpuShares ?? 0,
            CPUPeriod = service.CpuPeriod ?? 0,
            CPUQuota = service.CpuQuota ?? 0,
            CPURealtimePeriod = service.CpuRtPeriod ?? 0,
            CPURealtimeRuntime = service.CpuRtRuntime ?? 0,
            CPUCount = service.CpuCount ?? 0,
            CPUPercent = (long)(service.CpuPercent ?? 0),
            CpusetCpus = service.Cpuset,
            PidsLimit = service.PidsLimit ?? limits?.Pids,
            ShmSize = service.ShmSize ?? 0,
            OomKillDisable = service.OomKillDisable,
            OomScoreAdj = service.OomScoreAdj ?? 0,
            Sysctls = service.Sysctls.ToDictionary(StringComparer.Ordinal),
            Ulimits = [.. service.Ulimits.Select(pair => new Docker.DotNet.Models.Ulimit { Name = pair.Key, Soft = pair.Value.Soft, Hard = pair.Value.Hard })],
            Devices = [.. service.Devices.Select(device => new Docker.DotNet.Models.DeviceMapping
            {
                PathOnHost = device.Source, PathInContainer = device.Target, CgroupPermissions = device.Permissions,
            })],
            DeviceCgroupRules = [.. service.DeviceCgroupRules],
            LogConfig = service.Logging is { } logging
                ? new LogConfig { Type = logging.Driver ?? "", Config = logging.Options.ToDictionary(StringComparer.Ordinal) }
                : null,
            IpcMode = Namespace(request, service.Ipc, "ipc"),
            PidMode = Namespace(request, service.Pid, "pid"),
            UTSMode = Namespace(request, service.Uts, "uts"),
            UsernsMode = service.UsernsMode,
            CgroupnsMode = Namespace(request, service.Cgroup, "cgroup"),
            CgroupParent = service.CgroupParent,
            Isolation = service.Isolation,
            Runtime = service.Runtime,
        };
        return host;
    }

    private static RestartPolicy RestartPolicy(Service service)
    {
        var restart = service.Restart ?? FromDeploy(service.Deploy?.RestartPolicy);
        if (restart is null or "no")
        {
            return new RestartPolicy { Name = RestartPolicyKind.No };
        }

        var parts = restart.Split(':', 2);
        return parts[0] switch
        {
            "always" => new RestartPolicy { Name = RestartPolicyKind.Always },
            "unless-stopped" => new RestartPolicy { Name = RestartPolicyKind.UnlessStopped },
            "on-failure" => new RestartPolicy
            {
                Name = RestartPolicyKind.OnFailure,
                MaximumRetryCount = parts.Length > 1 ? long.Parse(parts[1], CultureInfo.InvariantCulture) : 0,
            },
            _ => throw new EngineException($"service \"{service.Name}\": restart \"{restart}\" is not one of no, always, on-failure[:n], unless-stopped"),
        };
    }

    private static string? FromDeploy(Model.RestartPolicy? policy) => policy?.Condition switch
    {
        null => null,
        "none" => "no",
        "on-failure" => policy.MaxAttempts is { } attempts ? $"on-failure:{attempts}" : "on-failure",
        _ => "always",
    };

    // ipc, pid, uts and cgroup may name another service ("service:db"); the engine wants a container.
    private static string? Namespace(ContainerRequest request, NamespaceMode? mode, string attribute) =>
        mode?.ToEngine(SharedContainers.For(request, mode.ServiceName, attribute));
}
