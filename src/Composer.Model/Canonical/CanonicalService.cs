
namespace Composer.Model;

/// <summary>One service in canonical long form, as <c>config</c> prints it.</summary>
public static class CanonicalService
{
    public static CanonicalMap Build(Service service)
    {
        var map = new CanonicalMap()
            .Add("annotations", CanonicalMap.Strings(service.Annotations))
            .Add("build", CanonicalServiceParts.Build(service.Build))
            .Add("cap_add", CanonicalMap.List(service.CapAdd))
            .Add("cap_drop", CanonicalMap.List(service.CapDrop))
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
            .Add("deploy", CanonicalServiceParts.Deploy(service.Deploy))
            .Add("develop", CanonicalDevelop.Build(service.Develop))
            .Add("device_cgroup_rules", CanonicalMap.List(service.DeviceCgroupRules))
            .Add("devices", service.Devices.Select(Device).ToList())
            .Add("dns", CanonicalMap.List(service.Dns))
            .Add("dns_opt", CanonicalMap.List(service.DnsOpt))
            .Add("dns_search", CanonicalMap.List(service.DnsSearch))
            .Add("domainname", service.Domainname)
            .Add("env_file", service.EnvFiles.Select(EnvFile).ToList())
            .Add("environment", CanonicalMap.Strings(service.Environment))
            .Add("expose", CanonicalMap.List(service.Expose))
            .Add("external_links", CanonicalMap.List(service.ExternalLinks.Select(item => item.ToString())))
            .Add("extra_hosts", ExtraHosts(service.ExtraHosts))
            .Add("group_add", CanonicalMap.List(service.GroupAdd))
            .Add("healthcheck", CanonicalServiceParts.Healthcheck(service.Healthcheck))
            .Add("hostname", service.Hostname)
            .Add("image", service.Image)
            .Add("init", service.Init)
            .Add("ipc", service.Ipc?.ToString())
            .Add("isolation", service.Isolation)
            .Add("labels", CanonicalMap.Strings(service.Labels))
            .Add("links", CanonicalMap.List(service.Links.Select(item => item.ToString())))
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
            .Add("ports", service.Ports.Select(CanonicalServiceParts.Port).ToList())
            .Add("privileged", service.Privileged)
            .Add("profiles", CanonicalMap.List(service.Profiles))
            .Add("pull_policy", service.PullPolicy)
            .Add("read_only", service.ReadOnly)
            .Add("restart", service.Restart)
            .Add("runtime", service.Runtime)
            .Add("scale", service.Scale)
            .Add("secrets", service.Secrets.Select(FileReference).ToList())
            .Add("security_opt", CanonicalMap.List(service.SecurityOpt))
            .Add("shm_size", service.ShmSize)
            .Add("stdin_open", service.StdinOpen)
            .Add("stop_grace_period", Duration(service.StopGracePeriod))
            .Add("stop_signal", service.StopSignal)
            .Add("storage_opt", CanonicalMap.Strings(service.StorageOpt))
            .Add("sysctls", CanonicalMap.Strings(service.Sysctls))
            .Add("tmpfs", CanonicalMap.List(service.Tmpfs))
            .Add("tty", service.Tty)
            .Add("ulimits", Ulimits(service.Ulimits))
            .Add("user", service.User)
            .Add("userns_mode", service.UsernsMode)
            .Add("uts", service.Uts?.ToString())
            .Add("volumes", service.Volumes.Select(CanonicalServiceParts.Volume).ToList())
            .Add("volumes_from", CanonicalMap.List(service.VolumesFrom.Select(item => item.ToString())))
            .Add("working_dir", service.WorkingDir);

        // An empty command is a deliberate override of the image's, unlike a missing one.
        if (service.Command is not null)
        {
            map.AddExact("command", CanonicalMap.List(service.Command));
        }

        if (service.Entrypoint is not null)
        {
            map.AddExact("entrypoint", CanonicalMap.List(service.Entrypoint));
        }

        foreach (var (key, value) in service.Other.Values)
        {
            map.AddExact(key, CanonicalMap.Generic(value));
        }

        return map.AddExtensions(service.Extensions);
    }

    public static string? Duration(TimeSpan? duration) => duration is { } value ? GoDuration.Format(value) : null;

    private static CanonicalMap DependsOn(IReadOnlyDictionary<string, ServiceDependency> dependencies)
    {
        var map = new CanonicalMap();
        foreach (var (name, dependency) in dependencies)
        {
            map.Add(name, new CanonicalMap()
                .Add("condition", dependency.Condition)
                .Add("required", dependency.Required)
                .AddTrue("restart", dependency.Restart)
                .AddExtensions(dependency.Extensions));
        }

        return map;
    }

    private static CanonicalMap FileReference(FileReference reference) => new CanonicalMap()
        .Add("source", reference.Source)
        .Add("target", reference.Target)
        .Add("uid", reference.Uid)
        .Add("gid", reference.Gid)
        .Add("mode", reference.Mode)
        .AddExtensions(reference.Extensions);

    private static CanonicalMap Device(DeviceMapping device) => new CanonicalMap()
        .Add("source", device.Source)
        .Add("target", device.Target)
        .Add("permissions", device.Permissions);

    private static CanonicalMap EnvFile(EnvFile file) => new CanonicalMap()
        .Add("path", file.Path)
        .Add("required", file.Required)
        .Add("format", file.Format);

    /// <summary>host=address, which stays unambiguous for IPv6 addresses.</summary>
    public static List<object?> ExtraHosts(IReadOnlyList<ExtraHost> hosts) =>
        hosts.Select(host => (object?)(host.Host + "=" + host.Address)).ToList();

    private static CanonicalMap? Logging(Logging? logging) => logging is null
        ? null
        : new CanonicalMap().Add("driver", logging.Driver).Add("options", CanonicalMap.Strings(logging.Options));

    private static CanonicalMap Networks(IReadOnlyDictionary<string, ServiceNetwork?> networks)
    {
        var map = new CanonicalMap();
        foreach (var (name, network) in networks)
        {
            var options = network is null ? null : new CanonicalMap()
                .Add("aliases", CanonicalMap.List(network.Aliases))
                .Add("driver_opts", CanonicalMap.Strings(network.DriverOpts))
                .Add("gw_priority", network.GwPriority)
                .Add("ipv4_address", network.Ipv4Address)
                .Add("ipv6_address", network.Ipv6Address)
                .Add("link_local_ips", CanonicalMap.List(network.LinkLocalIps))
                .Add("mac_address", network.MacAddress)
                .Add("priority", network.Priority)
                .AddExtensions(network.Extensions);
            map.AddExact(name, options is { IsEmpty: false } ? options : null);
        }

        return map;
    }

    private static CanonicalMap Ulimits(IReadOnlyDictionary<string, Ulimit> ulimits)
    {
        var map = new CanonicalMap();
        foreach (var (name, ulimit) in ulimits)
        {
            map.Add(name, new CanonicalMap().Add("soft", ulimit.Soft).Add("hard", ulimit.Hard));
        }

        return map;
    }
}
