using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary>The larger nested objects of a service: build, deploy, healthcheck, ports and volumes.</summary>
internal static class ServicePartsDocument
{
    public static OutputMap? Build(BuildConfig? build)
    {
        if (build is null)
        {
            return null;
        }

        var map = new OutputMap()
            .Add("context", build.Context)
            .Add("dockerfile", build.Dockerfile)
            .Add("dockerfile_inline", build.DockerfileInline)
            .Add("args", OutputMap.Strings(build.Args))
            .Add("target", build.Target)
            .Add("labels", OutputMap.Strings(build.Labels))
            .Add("network", build.Network)
            .Add("extra_hosts", ServiceDocument.ExtraHosts(build.ExtraHosts))
            .Add("shm_size", build.ShmSize)
            .Add("tags", OutputMap.List(build.Tags))
            .Add("no_cache", build.NoCache)
            .Add("pull", build.Pull)
            .Add("cache_from", OutputMap.List(build.CacheFrom))
            .Add("cache_to", OutputMap.List(build.CacheTo))
            .Add("platforms", OutputMap.List(build.Platforms))
            .Add("isolation", build.Isolation)
            .Add("privileged", build.Privileged);
        foreach (var (key, value) in build.Other.Values)
        {
            map.AddExact(key, OutputMap.Generic(value));
        }

        return map.AddExtensions(build.Extensions);
    }

    public static OutputMap? Deploy(Deploy? deploy)
    {
        if (deploy is null)
        {
            return null;
        }

        var untypedResources = deploy.Other.Values.TryGetValue("resources", out var resources)
            ? resources as IReadOnlyDictionary<string, object?>
            : null;
        var resourcesMap = new OutputMap()
            .Add("limits", ResourceSpec(deploy.Limits, Untyped(untypedResources, "limits")))
            .Add("reservations", ResourceSpec(deploy.Reservations, Untyped(untypedResources, "reservations")));
        foreach (var (key, value) in untypedResources ?? new Dictionary<string, object?>())
        {
            if (key is not ("limits" or "reservations"))
            {
                resourcesMap.AddExact(key, OutputMap.Generic(value));
            }
        }

        var map = new OutputMap()
            .Add("mode", deploy.Mode)
            .Add("replicas", deploy.Replicas)
            .Add("labels", OutputMap.Strings(deploy.Labels))
            .Add("resources", resourcesMap)
            .Add("restart_policy", RestartPolicy(deploy.RestartPolicy));
        foreach (var (key, value) in deploy.Other.Values.Where(entry => entry.Key != "resources"))
        {
            map.AddExact(key, OutputMap.Generic(value));
        }

        return map;
    }

    public static OutputMap? Healthcheck(Healthcheck? healthcheck) => healthcheck is null
        ? null
        : new OutputMap()
            .Add("test", healthcheck.Test is null ? null : OutputMap.List(healthcheck.Test))
            .Add("interval", ServiceDocument.Duration(healthcheck.Interval))
            .Add("timeout", ServiceDocument.Duration(healthcheck.Timeout))
            .Add("start_period", ServiceDocument.Duration(healthcheck.StartPeriod))
            .Add("start_interval", ServiceDocument.Duration(healthcheck.StartInterval))
            .Add("retries", healthcheck.Retries)
            .AddTrue("disable", healthcheck.Disable)
            .AddExtensions(healthcheck.Extensions);

    public static OutputMap Port(ServicePort port) => new OutputMap()
        .Add("target", port.Target)
        .Add("published", port.Published)
        .Add("host_ip", port.HostIp)
        .Add("protocol", port.Protocol)
        .Add("mode", port.Mode)
        .Add("name", port.Name)
        .Add("app_protocol", port.AppProtocol)
        .AddExtensions(port.Extensions);

    public static OutputMap Volume(ServiceVolume volume) => new OutputMap()
        .Add("type", volume.Type)
        .Add("source", volume.Source)
        .Add("target", volume.Target)
        .AddTrue("read_only", volume.ReadOnly)
        .Add("consistency", volume.Consistency)
        .Add("bind", volume.Bind is not { } bind ? null : new OutputMap()
            .Add("propagation", bind.Propagation)
            .Add("create_host_path", bind.CreateHostPath)
            .Add("selinux", bind.Selinux))
        .Add("volume", volume.Volume is not { } options ? null : new OutputMap()
            .Add("nocopy", options.NoCopy)
            .Add("subpath", options.Subpath))
        .Add("tmpfs", volume.Tmpfs is not { } tmpfs ? null : new OutputMap()
            .Add("size", tmpfs.Size)
            .Add("mode", tmpfs.Mode))
        .AddExtensions(volume.Extensions);

    private static IReadOnlyDictionary<string, object?>? Untyped(IReadOnlyDictionary<string, object?>? resources, string key) =>
        resources is not null && resources.TryGetValue(key, out var value) ? value as IReadOnlyDictionary<string, object?> : null;

    private static OutputMap ResourceSpec(ResourceSpec? spec, IReadOnlyDictionary<string, object?>? untyped)
    {
        var map = new OutputMap()
            .Add("cpus", spec?.Cpus)
            .Add("memory", spec?.Memory)
            .Add("pids", spec?.Pids)
            .Add("devices", spec is null ? null : spec.Devices.Select(DeviceRequest).ToList());
        foreach (var (key, value) in untyped ?? new Dictionary<string, object?>())
        {
            map.AddExact(key, OutputMap.Generic(value));
        }

        return map;
    }

    /// <summary>A device request; a count of all devices is written as <c>all</c>.</summary>
    public static OutputMap DeviceRequest(DeviceRequest request) => new OutputMap()
        .Add("driver", request.Driver)
        .Add("count", request.Count == Model.DeviceRequest.AllDevices ? "all" : request.Count)
        .Add("device_ids", OutputMap.List(request.DeviceIds))
        .Add("capabilities", OutputMap.List(request.Capabilities))
        .Add("options", OutputMap.Strings(request.Options));

    public static OutputMap Hook(ServiceHook hook) => new OutputMap()
        .AddExact("command", OutputMap.List(hook.Command))
        .Add("image", hook.Image)
        .Add("user", hook.User)
        .Add("privileged", hook.Privileged)
        .Add("working_dir", hook.WorkingDir)
        .Add("environment", OutputMap.Strings(hook.Environment));

    public static OutputMap? Blkio(BlkioConfig? blkio) => blkio is null
        ? null
        : new OutputMap()
            .Add("weight", blkio.Weight)
            .Add("weight_device", blkio.WeightDevice.Select(device => new OutputMap().Add("path", device.Path).Add("weight", device.Value)).ToList())
            .Add("device_read_bps", Rates(blkio.DeviceReadBps))
            .Add("device_write_bps", Rates(blkio.DeviceWriteBps))
            .Add("device_read_iops", Rates(blkio.DeviceReadIops))
            .Add("device_write_iops", Rates(blkio.DeviceWriteIops));

    private static List<OutputMap> Rates(IReadOnlyList<BlkioDevice> devices) =>
        devices.Select(device => new OutputMap().Add("path", device.Path).Add("rate", device.Value)).ToList();

    private static OutputMap? RestartPolicy(RestartPolicy? policy) => policy is null
        ? null
        : new OutputMap()
            .Add("condition", policy.Condition)
            .Add("delay", ServiceDocument.Duration(policy.Delay))
            .Add("max_attempts", policy.MaxAttempts)
            .Add("window", ServiceDocument.Duration(policy.Window));
}
