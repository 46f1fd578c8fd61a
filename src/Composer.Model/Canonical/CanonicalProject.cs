
namespace Composer.Model;

/// <summary>The whole project in canonical form: name, services, networks, volumes, secrets, configs, then x-* keys.</summary>
public static class CanonicalProject
{
    public static CanonicalMap Build(Project project)
    {
        var services = new CanonicalMap();
        foreach (var (name, service) in project.Services)
        {
            services.AddExact(name, CanonicalService.Build(service));
        }

        var root = new CanonicalMap { KeepOrder = true }
            .Add("name", project.Name)
            .Add("services", services)
            .Add("networks", Section(project.Networks, Network))
            .Add("volumes", Section(project.Volumes, Volume))
            .Add("secrets", Section(project.Secrets, FileObject))
            .Add("configs", Section(project.Configs, FileObject));
        foreach (var (key, value) in project.Extensions.Values.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            root.AddExact(key, CanonicalMap.Generic(value));
        }

        return root;
    }

    private static CanonicalMap Section<T>(IReadOnlyDictionary<string, T> resources, Func<T, CanonicalMap> build)
    {
        var map = new CanonicalMap();
        foreach (var (key, resource) in resources)
        {
            map.AddExact(key, build(resource));
        }

        return map;
    }

    public static CanonicalMap Network(Network network) => new CanonicalMap()
        .Add("name", network.Name)
        .Add("driver", network.Driver)
        .Add("driver_opts", CanonicalMap.Strings(network.DriverOpts))
        .AddTrue("external", network.External)
        .Add("internal", network.Internal)
        .Add("attachable", network.Attachable)
        .Add("enable_ipv4", network.EnableIpv4)
        .Add("enable_ipv6", network.EnableIpv6)
        .Add("ipam", network.Ipam is not { } ipam ? null : new CanonicalMap()
            .Add("driver", ipam.Driver)
            .Add("config", ipam.Config.Select(Pool).ToList())
            .Add("options", CanonicalMap.Strings(ipam.Options)))
        .Add("labels", CanonicalMap.Strings(network.Labels))
        .AddExtensions(network.Extensions);

    private static CanonicalMap Pool(IpamPool pool) => new CanonicalMap()
        .Add("subnet", pool.Subnet)
        .Add("ip_range", pool.IpRange)
        .Add("gateway", pool.Gateway)
        .Add("aux_addresses", CanonicalMap.Strings(pool.AuxAddresses));

    public static CanonicalMap Volume(Volume volume) => new CanonicalMap()
        .Add("name", volume.Name)
        .Add("driver", volume.Driver)
        .Add("driver_opts", CanonicalMap.Strings(volume.DriverOpts))
        .AddTrue("external", volume.External)
        .Add("labels", CanonicalMap.Strings(volume.Labels))
        .AddExtensions(volume.Extensions);

    public static CanonicalMap FileObject(FileObject file) => new CanonicalMap()
        .Add("name", file.Name)
        .Add("file", file.File)
        .Add("environment", file.Environment)
        .Add("content", file.Content)
        .AddTrue("external", file.External)
        .Add("labels", CanonicalMap.Strings(file.Labels))
        .Add("driver", file.Driver)
        .Add("driver_opts", CanonicalMap.Strings(file.DriverOpts))
        .Add("template_driver", file.TemplateDriver)
        .AddExtensions(file.Extensions);
}
