
namespace Composer.Model;

/// <summary>The larger nested objects of a service: build, deploy, healthcheck, ports and volumes.</summary>
public static class CanonicalServiceParts
{
    public static CanonicalMap? Build(BuildConfig? build)
    {
        if (build is null)
        {
            return null;
        }

        var map = new CanonicalMap()
            .Add("context", build.Context)
            .Add("dockerfile", build.Dockerfile)
            .Add("dockerfile_inline", build.DockerfileInline)
            .Add("args", CanonicalMap.Strings(build.Args))
            .Add("target", build.Target)
            .Add("labels", CanonicalMap.Strings(build.Labels))
            .Add("network", build.Network)
            .Add("extra_hosts", CanonicalService.ExtraHosts(build.ExtraHosts))
            .Add("shm_size", build.ShmSize)
            .Add("tags", CanonicalMap.List(build.Tags))
            .Add("no_cache", build.NoCache)
            .Add("pull", build.Pull)
            .Add("cache_from", CanonicalMap.List(build.CacheFrom))
            .Add("cache_to", CanonicalMap.List(build.CacheTo))
            .Add("platforms", CanonicalMap.List(build.Platforms))
            .Add("isolation", build.Isolation)
            .Add("privileged", build.Privileged);
        foreach (var (key, value) in build.Other.Values)
        {
            map.AddExact(key, CanonicalMap.Generic(value));
        }

        return map.AddExtensions(build.Extensions);
    }

    public static CanonicalMap? Deploy(Deploy? deploy)
    {
        if (deploy is null)
        {
            return null;
        }

        var untypedResources = deploy.Other.Values.TryGetValue("resources", out var resources)
            ? resources as IReadOnlyDictionary<string, object?>
            : null;
        var resourcesMap = new CanonicalMap()
            .Add("limits", ResourceSpec(deploy.Limits, Untyped(untypedResources, "limits")))
            .Add("reservations", ResourceSpec(deploy.Reservations, Untyped(untypedResources, "reservations")));
        foreach (var (key, value) in untypedResources ?? new Dictionary<string, object?>())
        {
            if (key is not ("limits" or "reservations"))
            {
                resourcesMap.AddExact(key, CanonicalMap.Generic(value));
            }
        }

        var map = new CanonicalMap()
            .Add("mode", deploy.Mode)
            .Add("replicas", deploy.Replicas)
            .Add("labels", CanonicalMap.Strings(deploy.Labels))
            .Add("resources", resourcesMap)
            .Add("restart_policy", RestartPolicy(deploy.RestartPolicy));
        foreach (var (key, value) in deploy.Other.Values.Where(entry => entry.Key != "resources"))
        {
            map.AddExact(key, CanonicalMap.Generic(value));
        }

        return map;
    }

    public static CanonicalMap? Healthcheck(Healthcheck? healthcheck) => healthcheck is null
        ? null
        : new CanonicalMap()
            .Add("test", healthcheck.Test is null ? null : CanonicalMap.List(healthcheck.Test))
            .Add("interval", CanonicalService.Duration(healthcheck.Interval))
            .Add("timeout", CanonicalService.Duration(healthcheck.Timeout))
            .Add("start_period", CanonicalService.Duration(healthcheck.StartPeriod))
            .Add("start_interval", CanonicalService.Duration(healthcheck.StartInterval))
            .Add("retries", healthcheck.Retries)
            .AddTrue("disable", healthcheck.Disable)
            .AddExtensions(healthcheck.Extensions);

    public static CanonicalMap Port(ServicePort port) => new CanonicalMap()
        .Add("target", port.Target)
        .Add("published", port.Published)
        .Add("host_ip", port.HostIp)
        .Add("protocol", port.Protocol)
        .Add("mode", port.Mode)
        .Add("name", port.Name)
        .Add("app_protocol", port.AppProtocol)
        .AddExtensions(port.Extensions);

    public static CanonicalMap Volume(ServiceVolume volume) => new CanonicalMap()
        .Add("type", volume.Type)
        .Add("source", volume.Source)
        .Add("target", volume.Target)
        .AddTrue("read_only", volume.ReadOnly)
        .Add("consistency", volume.Consistency)
        .Add("bind", volume.Bind is not { } bind ? null : new CanonicalMap()
            .Add("propagation", bind.Propagation)
            .Add("create_host_path", bind.CreateHostPath)
            .Add("selinux", bind.Selinux))
        .Add("volume", volume.Volume is not { } options ? null : new CanonicalMap()
            .Add("nocopy", options.NoCopy)
            .Add("subpath", options.Subpath))
        .Add("tmpfs", volume.Tmpfs is not { } tmpfs ? null : new CanonicalMap()
            .Add("size", tmpfs.Size)
            .Add("mode", tmpfs.Mode))
        .AddExtensions(volume.Extensions);

    private static IReadOnlyDictionary<string, object?>? Untyped(IReadOnlyDictionary<string, object?>? resources, string key) =>
        resources is not null && resources.TryGetValue(key, out var value) ? value as IReadOnlyDictionary<string, object?> : null;

    private static CanonicalMap ResourceSpec(ResourceSpec? spec, IReadOnlyDictionary<string, object?>? untyped)
    {
        var map = new CanonicalMap()
            .Add("cpus", spec?.Cpus)
            .Add("memory", spec?.Memory)
            .Add("pids", spec?.Pids);
        foreach (var (key, value) in untyped ?? new Dictionary<string, object?>())
        {
            map.AddExact(key, CanonicalMap.Generic(value));
        }

        return map;
    }

    private static CanonicalMap? RestartPolicy(RestartPolicy? policy) => policy is null
        ? null
        : new CanonicalMap()
            .Add("condition", policy.Condition)
            .Add("delay", CanonicalService.Duration(policy.Delay))
            .Add("max_attempts", policy.MaxAttempts)
            .Add("window", CanonicalService.Duration(policy.Window));
}
