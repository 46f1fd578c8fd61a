using Composer.Loader.Binding;
using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary>One service in canonical long form, as <c>config</c> prints it.</summary>
internal static class ServiceDocument
{
    public static OutputMap Build(Service service)
    {
        var map = new OutputMap()
            .Add("annotations", OutputMap.Strings(service.Annotations))
            .Add("build", ServicePartsDocument.Build(service.Build))
            .Add("cap_add", OutputMap.List(service.CapAdd))
            .Add("cap_drop", OutputMap.List(service.CapDrop))
            .Add("cgroup", service.Cgroup?.ToString())
            .Add("cgroup_parent", service.CgroupParent)
            .Add("configs", service.Configs.Select(FileReference).ToList())
            .Add("container_name", service.ContainerName)
            .Add("cpu_count", service.CpuCount)
            .Add("cpu_percent", service.CpuPercent)
            .Add("cpu_period", service.CpuPeriod)
            .Add("cpu_quota", service.CpuQuota)
            .Add("cpu_rt_period", service.CpuRtPeriod)
            .Add("cpu_rt_runtime", service.CpuRtRuntime)
            .Add("cpu_shares", service.CpuShares)
            .Add("cpus", service.Cpus)
            .Add("cpuset", service.Cpuset)
            .Add("depends_on", DependsOn(service.DependsOn))
            .Add("deploy", ServicePartsDocument.Deploy(service.Deploy))
            .Add("device_cgroup_rules", OutputMap.List(service.DeviceCgroupRules))
            .Add("devices", service.Devices.Select(Device).ToList())
            .Add("dns", OutputMap.List(service.Dns))
            .Add("dns_opt", OutputMap.List(service.DnsOpt))
            .Add("dns_search", OutputMap.List(service.DnsSearch))
            .Add("domainname", service.Domainname)
            .Add("env_file", service.EnvFiles.Select(EnvFile).ToList())
            .Add("environment", OutputMap.Strings(service.Environment))
            .Add("expose", OutputMap.List(service.Expose))
            .Add("external_links", OutputMap.List(service.ExternalLinks.Select(item => item.ToString())))
            .Add("extra_hosts", ExtraHosts(service.ExtraHosts))
            .Add("group_add", OutputMap.List(service.GroupAdd))
            .Add("healthcheck", ServicePartsDocument.Healthcheck(service.Healthcheck))
            .Add("hostname", service.Hostname)
            .Add("image", service.Image)
            .Add("init", service.Init)
            .Add("ipc", service.Ipc?.ToString())
            .Add("isolation", service.Isolation)
            .Add("labels", OutputMap.Strings(service.Labels))
            .Add("links", OutputMap.List(service.Links.Select(item => item.ToString())))
            .Add("logging", Logging(service.Logging))
            .Add("mac_address", service.MacAddress)
            .Add("mem_limit", service.MemLimit)
            .Add("mem_reservation", service.MemReservation)
            .Add("mem_swappiness", service.MemSwappiness)
            .Add("memswap_limit", service.MemswapLimit)
            .Add("network_mode", service.NetworkMode?.ToString())
            .Add("networks", Networks(service.Networks))
            .Add("oom_kill_disable", service.OomKillDisable)
            .Add("oom_score_adj", service.OomScoreAdj)
            .Add("pid", service.Pid?.ToString())
            .Add("pids_limit", service.PidsLimit)
            .Add("platform", service.Platform)
            .Add("ports", service.Ports.Select(ServicePartsDocument.Port).ToList())
            .Add("privileged", service.Privileged)
            .Add("profiles", OutputMap.List(service.Profiles))
            .Add("pull_policy", service.PullPolicy)
            .Add("read_only", service.ReadOnly)
            .Add("restart", service.Restart)
            .Add("runtime", service.Runtime)
            .Add("scale", service.Scale)
            .Add("secrets", service.Secrets.Select(FileReference).ToList())
            .Add("security_opt", OutputMap.List(service.SecurityOpt))
            .Add("shm_size", service.ShmSize)
            .Add("stdin_open", service.StdinOpen)
            .Add("stop_grace_period", Duration(service.StopGracePeriod))
            .Add("stop_signal", service.StopSignal)
            .Add("storage_opt", OutputMap.Strings(service.StorageOpt))
            .Add("sysctls", OutputMap.Strings(service.Sysctls))
            .Add("tmpfs", OutputMap.List(service.Tmpfs))
            .Add("tty", service.Tty)
            .Add("ulimits", Ulimits(service.Ulimits))
            .Add("user", service.User)
            .Add("userns_mode", service.UsernsMode)
            .Add("uts", service.Uts?.ToString())
            .Add("volumes", service.Volumes.Select(ServicePartsDocument.Volume).ToList())
            .Add("volumes_from", OutputMap.List(service.VolumesFrom.Select(item => item.ToString())))
            .Add("working_dir", service.WorkingDir);

        // An empty command is a deliberate override of the image's, unlike a missing one.
        if (service.Command is not null)
        {
            map.AddExact("command", OutputMap.List(service.Command));
        }

        if (service.Entrypoint is not null)
        {
            map.AddExact("entrypoint", OutputMap.List(service.Entrypoint));
        }

        foreach (var (key, value) in service.Other.Values)
        {
            map.AddExact(key, OutputMap.Generic(value));
        }

        return map.AddExtensions(service.Extensions);
    }

    public static string? Duration(TimeSpan? duration) => duration is { } value ? DurationText.Format(value) : null;

    private static OutputMap DependsOn(IReadOnlyDictionary<string, ServiceDependency> dependencies)
    {
        var map = new OutputMap();
        foreach (var (name, dependency) in dependencies)
        {
            map.Add(name, new OutputMap()
                .Add("condition", dependency.Condition)
                .Add("required", dependency.Required)
                .AddTrue("restart", dependency.Restart)
                .AddExtensions(dependency.Extensions));
        }

        return map;
    }

    private static OutputMap FileReference(FileReference reference) => new OutputMap()
        .Add("source", reference.Source)
        .Add("target", reference.Target)
        .Add("uid", reference.Uid)
        .Add("gid", reference.Gid)
        .Add("mode", reference.Mode)
        .AddExtensions(reference.Extensions);

    private static OutputMap Device(DeviceMapping device) => new OutputMap()
        .Add("source", device.Source)
        .Add("target", device.Target)
        .Add("permissions", device.Permissions);

    private static OutputMap EnvFile(EnvFile file) => new OutputMap()
        .Add("path", file.Path)
        .Add("required", file.Required)
        .Add("format", file.Format);

    /// <summary>host=address, which stays unambiguous for IPv6 addresses.</summary>
    public static List<object?> ExtraHosts(IReadOnlyList<ExtraHost> hosts) =>
        hosts.Select(host => (object?)(host.Host + "=" + host.Address)).ToList();

    private static OutputMap? Logging(Logging? logging) => logging is null
        ? null
        : new OutputMap().Add("driver", logging.Driver).Add("options", OutputMap.Strings(logging.Options));

    private static OutputMap Networks(IReadOnlyDictionary<string, ServiceNetwork?> networks)
    {
        var map = new OutputMap();
        foreach (var (name, network) in networks)
        {
            var options = network is null ? null : new OutputMap()
                .Add("aliases", OutputMap.List(network.Aliases))
                .Add("driver_opts", OutputMap.Strings(network.DriverOpts))
                .Add("gw_priority", network.GwPriority)
                .Add("ipv4_address", network.Ipv4Address)
                .Add("ipv6_address", network.Ipv6Address)
                .Add("link_local_ips", OutputMap.List(network.LinkLocalIps))
                .Add("mac_address", network.MacAddress)
                .Add("priority", network.Priority)
                .AddExtensions(network.Extensions);
            map.AddExact(name, options is { IsEmpty: false } ? options : null);
        }

        return map;
    }

    private static OutputMap Ulimits(IReadOnlyDictionary<string, Ulimit> ulimits)
    {
        var map = new OutputMap();
        foreach (var (name, ulimit) in ulimits)
        {
            map.Add(name, new OutputMap().Add("soft", ulimit.Soft).Add("hard", ulimit.Hard));
        }

        return map;
    }
}
