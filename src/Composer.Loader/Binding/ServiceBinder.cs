using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>Binds one entry of <c>services</c>: every attribute to its long form in <see cref="Service"/>.</summary>
internal static class ServiceBinder
{
    public static Service Bind(string name, MappingNode mapping, string path, BindReader reader)
    {
        var service = new Service { Name = name };
        var other = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        Node? scaleNode = null;
        SortedDictionary<string, string>? fileLabels = null;
        foreach (var entry in mapping.Entries)
        {
            var key = entry.Key;
            var node = entry.Value;
            var at = PathText.Key(path, key);
            // extends was resolved before binding; a leftover key must not reach the canonical output.
            if (BindReader.IsExtension(key) || key == "extends")
            {
                continue;
            }

            if (key == "scale")
            {
                scaleNode = node;
            }

            if (key == "label_file")
            {
                fileLabels = LabelFilesBinder.Read(node, at, reader);
                continue;
            }

            service = key switch
            {
                "image" => service with { Image = reader.String(node, at) },
                "build" => service with { Build = BuildBinder.Bind(node, at, reader) },
                "pull_policy" => service with { PullPolicy = reader.String(node, at) },
                "platform" => service with { Platform = reader.String(node, at) },
                "command" => service with { Command = CommandBinder.Bind(node, at, reader) },
                "entrypoint" => service with { Entrypoint = CommandBinder.Bind(node, at, reader) },
                "working_dir" => service with { WorkingDir = reader.String(node, at) },
                "user" => service with { User = reader.String(node, at) },
                "hostname" => service with { Hostname = reader.String(node, at) },
                "domainname" => service with { Domainname = reader.String(node, at) },
                "container_name" => service with { ContainerName = reader.String(node, at) },
                "environment" => service with { Environment = reader.KeyValues(node, at) },
                "env_file" => service with { EnvFiles = EnvFilesBinder.Bind(node, at, reader) },
                "labels" => service with { Labels = reader.StringMap(node, at) },
                "annotations" => service with { Annotations = reader.StringMap(node, at) },
                "ports" => service with { Ports = PortsBinder.Bind(node, at, reader) },
                "expose" => service with { Expose = ExposeOf(node, at, reader) },
                "volumes" => service with { Volumes = VolumesBinder.Bind(node, at, reader) },
                "volumes_from" => service with { VolumesFrom = ReferencesBinder.VolumesFrom(node, at, reader) },
                "tmpfs" => service with { Tmpfs = reader.StringList(node, at) },
                "networks" => service with { Networks = ServiceNetworksBinder.Bind(node, at, reader) },
                "network_mode" => service with { NetworkMode = ReferencesBinder.Namespace(node, at, reader) },
                "links" => service with { Links = ReferencesBinder.Links(node, at, reader) },
                "external_links" => service with { ExternalLinks = ReferencesBinder.Links(node, at, reader) },
                "extra_hosts" => service with { ExtraHosts = ExtraHostsBinder.Bind(node, at, reader) },
                "dns" => service with { Dns = reader.StringList(node, at) },
                "dns_search" => service with { DnsSearch = reader.StringList(node, at) },
                "dns_opt" => service with { DnsOpt = reader.StringList(node, at) },
                "mac_address" => service with { MacAddress = reader.String(node, at) },
                "depends_on" => service with { DependsOn = DependsOnBinder.Bind(node, at, reader) },
                "profiles" => service with { Profiles = reader.StringList(node, at) },
                "scale" => service with { Scale = reader.Int(node, at) },
                "healthcheck" => service with { Healthcheck = HealthcheckBinder.Bind(node, at, reader) },
                "restart" => service with { Restart = reader.String(node, at) },
                "stop_signal" => service with { StopSignal = reader.String(node, at) },
                "stop_grace_period" => service with { StopGracePeriod = reader.Duration(node, at) },
                "cap_add" => service with { CapAdd = reader.StrictStringList(node, at) },
                "cap_drop" => service with { CapDrop = reader.StrictStringList(node, at) },
                "privileged" => service with { Privileged = reader.Bool(node, at) },
                "read_only" => service with { ReadOnly = reader.Bool(node, at) },
                "init" => service with { Init = reader.Bool(node, at) },
                "tty" => service with { Tty = reader.Bool(node, at) },
                "stdin_open" => service with { StdinOpen = reader.Bool(node, at) },
                "security_opt" => service with { SecurityOpt = reader.StrictStringList(node, at) },
                "group_add" => service with { GroupAdd = reader.StrictStringList(node, at) },
                "ipc" => service with { Ipc = ReferencesBinder.Namespace(node, at, reader) },
                "pid" => service with { Pid = ReferencesBinder.Namespace(node, at, reader) },
                "uts" => service with { Uts = ReferencesBinder.Namespace(node, at, reader) },
                "userns_mode" => service with { UsernsMode = reader.String(node, at) },
                "cgroup" => service with { Cgroup = ReferencesBinder.Namespace(node, at, reader) },
                "cgroup_parent" => service with { CgroupParent = reader.String(node, at) },
                "isolation" => service with { Isolation = reader.String(node, at) },
                "runtime" => service with { Runtime = reader.String(node, at) },
                "mem_limit" => service with { MemLimit = reader.ByteSize(node, at) },
                "mem_reservation" => service with { MemReservation = reader.ByteSize(node, at) },
                "memswap_limit" => service with { MemswapLimit = reader.ByteSize(node, at) },
                "mem_swappiness" => service with { MemSwappiness = reader.Int(node, at) },
                "cpus" => service with { Cpus = reader.Double(node, at) },
                "cpu_shares" => service with { CpuShares = reader.Long(node, at) },
                "cpu_period" => service with { CpuPeriod = reader.Long(node, at) },
                "cpu_quota" => service with { CpuQuota = reader.Long(node, at) },
                "cpu_rt_period" => service with { CpuRtPeriod = MicrosecondsOf(node, at, reader) },
                "cpu_rt_runtime" => service with { CpuRtRuntime = MicrosecondsOf(node, at, reader) },
                "cpu_count" => service with { CpuCount = reader.Long(node, at) },
                "cpu_percent" => service with { CpuPercent = reader.Double(node, at) },
                "cpuset" => service with { Cpuset = reader.String(node, at) },
                "pids_limit" => service with { PidsLimit = reader.Long(node, at) },
                "shm_size" => service with { ShmSize = reader.ByteSize(node, at) },
                "oom_kill_disable" => service with { OomKillDisable = reader.Bool(node, at) },
                "oom_score_adj" => service with { OomScoreAdj = reader.Int(node, at) },
                "sysctls" => service with { Sysctls = reader.StringMap(node, at) },
                "ulimits" => service with { Ulimits = UlimitsBinder.Bind(node, at, reader) },
                "devices" => service with { Devices = DevicesBinder.Bind(node, at, reader) },
                "device_cgroup_rules" => service with { DeviceCgroupRules = reader.StrictStringList(node, at) },
                "storage_opt" => service with { StorageOpt = reader.StringMap(node, at) },
                "logging" => service with { Logging = LoggingBinder.Bind(node, at, reader) },
                "blkio_config" => service with { BlkioConfig = BlkioBinder.Bind(node, at, reader) },
                "gpus" => service with { Gpus = DeviceRequestsBinder.BindGpus(node, at, reader) },
                "post_start" => service with { PostStart = HookBinder.BindList(node, at, reader) },
                "pre_stop" => service with { PreStop = HookBinder.BindList(node, at, reader) },
                "pre_start" => service with { PreStart = HookBinder.BindList(node, at, reader, preStart: true) },
                "use_api_socket" => service with { UseApiSocket = reader.Bool(node, at) },
                "attach" => service with { Attach = reader.Bool(node, at) },
                "deploy" => service with { Deploy = DeployBinder.Bind(node, at, reader) },
                "secrets" => service with { Secrets = FileReferencesBinder.Bind(node, at, reader) },
                "configs" => service with { Configs = FileReferencesBinder.Bind(node, at, reader) },
                "develop" => service with { Develop = DevelopBinder.Bind(node, at, reader) },
                _ => KeepOther(service, other, key, node),
            };
        }

        if (fileLabels is not null)
        {
            // The service's own labels win over the files'.
            foreach (var (label, value) in service.Labels)
            {
                fileLabels[label] = value;
            }

            service = service with { Labels = fileLabels };
        }

        service = service with
        {
            Other = other.Count == 0 ? Extensions.Empty : new Extensions(other),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
        return ReconcileScale(service, scaleNode, path, reader);
    }

    /// <summary>scale and deploy.replicas say the same thing; either one sets the count, both must agree.</summary>
    private static Service ReconcileScale(Service service, Node? scaleNode, string path, BindReader reader)
    {
        var replicas = service.Deploy?.Replicas;
        if (replicas is null)
        {
            return service;
        }

        if (service.Scale is { } scale && scale != replicas)
        {
            reader.Error(scaleNode!, PathText.Key(path, "scale"), $"scale ({scale}) and deploy.replicas ({replicas}) disagree");
            return service;
        }

        return service with { Scale = replicas };
    }

    /// <summary>Expose entries are ports or ranges with an optional protocol, written as numbers or strings.</summary>
    private static IReadOnlyList<string> ExposeOf(Node node, string path, BindReader reader) => reader.StrictStringList(node, path);

    /// <summary>cpu_rt_period and cpu_rt_runtime take microseconds as a number or a duration string.</summary>
    private static long? MicrosecondsOf(Node node, string path, BindReader reader)
    {
        if (node is ScalarNode { IsNull: false } scalar && !ScalarText.TryParseLong(scalar.Value, out _))
        {
            return reader.Duration(node, path) is { } duration ? duration.Ticks / TimeSpan.TicksPerMicrosecond : null;
        }

        return reader.Long(node, path);
    }

    private static Service KeepOther(Service service, SortedDictionary<string, object?> other, string key, Node node)
    {
        other[key] = BindReader.Generic(node);
        return service;
    }
}
