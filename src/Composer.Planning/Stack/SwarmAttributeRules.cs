using Composer.Model;

namespace Composer.Planning.Stack;

/// <summary>
/// What Swarm cannot apply, decided per attribute (the README lists the same table): a warning where the running
/// application is unaffected, a refusal (before anything is sent) where its containers would behave differently.
/// </summary>
internal static class SwarmAttributeRules
{
    /// <summary>
    /// Refusals and warnings for one service, each a line naming the service and attribute. With
    /// <paramref name="imagesBuilt"/> (stack deploy --build) a build section is applied, so it is no warning.
    /// </summary>
    public static (IReadOnlyList<string> Refusals, IReadOnlyList<string> Warnings) Check(Service service, bool imagesBuilt = false)
    {
        var refusals = new List<string>();
        var warnings = new List<string>();
        void Refuse(bool present, string attribute, string why)
        {
            if (present)
            {
                refusals.Add($"service \"{service.Name}\": {attribute} cannot be deployed to a swarm: {why}");
            }
        }

        void Warn(bool present, string attribute, string why)
        {
            if (present)
            {
                warnings.Add($"service \"{service.Name}\": {attribute} is ignored on a swarm: {why}");
            }
        }

        Refuse(service.Image is null, "build without image", "every node must pull the image; add image: (and use --build --push to publish it)");
        Refuse(service.Privileged == true, "privileged", "swarm services cannot run privileged");
        Refuse(service.Devices.Count > 0, "devices", "swarm services cannot map host devices");
        Refuse(service.DeviceCgroupRules.Count > 0, "device_cgroup_rules", "swarm services have no device rules");
        Refuse(service.NetworkMode is not null, "network_mode", "tasks join the stack's overlay networks");
        Refuse(service.Ipc is not null, "ipc", "swarm services cannot share an IPC namespace");
        Refuse(service.Pid is not null, "pid", "swarm services cannot share a PID namespace");
        Refuse(service.Uts is not null, "uts", "swarm services cannot share a UTS namespace");
        Refuse(service.UsernsMode is not null, "userns_mode", "not a swarm service option");
        Refuse(service.Cgroup is not null, "cgroup", "not a swarm service option");
        Refuse(service.CgroupParent is not null, "cgroup_parent", "not a swarm service option");
        Refuse(service.Runtime is not null, "runtime", "not a swarm service option");
        Refuse(service.VolumesFrom.Count > 0, "volumes_from", "tasks of different services may run on different nodes");
        Refuse(service.SecurityOpt.Count > 0, "security_opt", "not a swarm service option");
        Refuse(service.ShmSize is not null, "shm_size", "not a swarm service option (mount a tmpfs on /dev/shm instead)");
        Refuse(service.CpuShares is not null || service.CpuQuota is not null || service.CpuPeriod is not null
            || service.CpuRtPeriod is not null || service.CpuRtRuntime is not null || service.Cpuset is not null
            || service.CpuCount is not null || service.CpuPercent is not null,
            "cpu_shares/cpu_quota/cpu_period/cpuset", "use deploy.resources.limits.cpus");
        Refuse(service.MemReservation is not null && service.Deploy?.Reservations is null, "mem_reservation", "use deploy.resources.reservations.memory");
        Refuse(service.MemswapLimit is not null || service.MemSwappiness is not null, "memswap_limit/mem_swappiness", "not a swarm service option");
        Refuse(service.OomKillDisable is not null, "oom_kill_disable", "not a swarm service option");
        Refuse(service.StorageOpt.Count > 0, "storage_opt", "not a swarm service option");
        Refuse(service.MacAddress is not null, "mac_address", "tasks get their addresses from the overlay");
        Refuse(service.Networks.Values.Any(network => network?.Ipv4Address is not null || network?.Ipv6Address is not null || network?.MacAddress is not null),
            "networks.*.ipv4_address/ipv6_address/mac_address", "tasks get their addresses from the overlay");
        Refuse(service.Ports.Any(port => port.Published?.Contains('-') == true), "a published port range", "publish single ports");
        Refuse(service.Volumes.Any(volume => volume.Type is not ("volume" or "bind" or "tmpfs")), "volumes of type image/npipe/cluster", "not supported by Composer's stack deploy");
        Refuse(service.Other.Values.ContainsKey("gpus"), "gpus", "use deploy.resources.reservations.generic_resources");
        Refuse(service.Other.Values.ContainsKey("blkio_config"), "blkio_config", "not a swarm service option");
        Refuse(service.Other.Values.ContainsKey("post_start") || service.Other.Values.ContainsKey("pre_stop"), "post_start/pre_stop", "swarm runs no lifecycle hooks");
        Refuse(service.Other.Values.ContainsKey("credential_spec"), "credential_spec", "Windows only, not supported by Composer's stack deploy");
        Refuse(GenericValues.Map(GenericValues.Map(service.Deploy?.Other ?? Extensions.Empty, "resources"), "reservations") is { } reservations
            && reservations.ContainsKey("devices"), "deploy.resources.reservations.devices", "use generic_resources");

        Warn(service.ContainerName is not null, "container_name", "task containers are named <stack>_<service>.<slot>.<task id>");
        Warn(!imagesBuilt && service.Build is not null && service.Image is not null, "build", $"the nodes pull {service.Image} (use --build --push to publish it first)");
        Warn(service.Restart is not null && service.Deploy?.RestartPolicy is not null, "restart", "deploy.restart_policy applies");
        Warn(service.Links.Count > 0, "links", "services reach each other by name on their overlay networks");
        Warn(service.ExternalLinks.Count > 0, "external_links", "services reach each other by name on their overlay networks");
        Warn(service.Expose.Count > 0, "expose", "every port of a task is reachable on its overlay networks");
        Warn(service.PullPolicy is not null, "pull_policy", "each node pulls the image when it starts a task");
        Warn(service.Domainname is not null, "domainname", "not a swarm service option");
        Warn(service.Platform is not null, "platform", "use deploy.placement.constraints (node.platform.arch) to choose nodes");
        Warn(service.Annotations.Count > 0, "annotations", "not a swarm service option");
        Warn(service.Other.Values.ContainsKey("develop"), "develop", "watch runs against a single engine");
        Warn(service.Ports.Any(port => port.HostIp is not null), "ports.host_ip", "swarm publishes on every address of the node");
        Warn(service.Ports.Any(port => port.AppProtocol is not null || port.Name is not null), "ports.name/app_protocol", "not a swarm port option");
        Warn(service.Deploy?.Reservations?.Pids is not null, "deploy.resources.reservations.pids", "swarm reserves no pids");
        return (refusals, warnings);
    }
}
