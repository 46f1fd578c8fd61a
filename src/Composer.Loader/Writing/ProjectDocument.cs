using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary>The whole project in canonical form: name, services, networks, volumes, secrets, configs, then x-* keys.</summary>
internal static class ProjectDocument
{
    public static OutputMap Build(Project project)
    {
        var services = new OutputMap();
        foreach (var (name, service) in project.Services)
        {
            services.AddExact(name, ServiceDocument.Build(service));
        }

        var root = new OutputMap { KeepOrder = true }
            .Add("name", project.Name)
            .Add("services", services)
            .Add("networks", Section(project.Networks, Network))
            .Add("volumes", Section(project.Volumes, Volume))
            .Add("secrets", Section(project.Secrets, FileObject))
            .Add("configs", Section(project.Configs, FileObject));
        var models = new OutputMap();
        foreach (var (key, value) in project.Models.Values)
        {
            models.AddExact(key, OutputMap.Generic(value));
        }

        root.Add("models", models);
        foreach (var (key, value) in project.Extensions.Values.OrderBy(entry => entry.Key, StringComparer.Ordinal))
        {
            root.AddExact(key, OutputMap.Generic(value));
        }

        return root;
    }

    private static OutputMap Section<T>(IReadOnlyDictionary<string, T> resources, Func<T, OutputMap> build)
    {
        var map = new OutputMap();
        foreach (var (key, resource) in resources)
        {
            map.AddExact(key, build(resource));
        }

        return map;
    }

    private static OutputMap Network(Network network) => new OutputMap()
        .Add("name", network.Name)
        .Add("driver", network.Driver)
        .Add("driver_opts", OutputMap.Strings(network.DriverOpts))
        .AddTrue("external", network.External)
        .Add("internal", network.Internal)
        .Add("attachable", network.Attachable)
        .Add("enable_ipv4", network.EnableIpv4)
        .Add("enable_ipv6", network.EnableIpv6)
        .Add("ipam", network.Ipam is not { } ipam ? null : new OutputMap()
            .Add("driver", ipam.Driver)
            .Add("config", ipam.Config.Select(Pool).ToList())
            .Add("options", OutputMap.Strings(ipam.Options)))
        .Add("labels", OutputMap.Strings(network.Labels))
        .AddExtensions(network.Extensions);

    private static OutputMap Pool(IpamPool pool) => new OutputMap()
        .Add("subnet", pool.Subnet)
        .Add("ip_range", pool.IpRange)
        .Add("gateway", pool.Gateway)
        .Add("aux_addresses", OutputMap.Strings(pool.AuxAddresses));

    private static OutputMap Volume(Volume volume) => new OutputMap()
        .Add("name", volume.Name)
        .Add("driver", volume.Driver)
        .Add("driver_opts", OutputMap.Strings(volume.DriverOpts))
        .AddTrue("external", volume.External)
        .Add("labels", OutputMap.Strings(volume.Labels))
        .AddExtensions(volume.Extensions);

    private static OutputMap FileObject(FileObject file) => new OutputMap()
        .Add("name", file.Name)
        .Add("file", file.File)
        .Add("environment", file.Environment)
        .Add("content", file.Content)
        .AddTrue("external", file.External)
        .Add("labels", OutputMap.Strings(file.Labels))
        .Add("driver", file.Driver)
        .Add("driver_opts", OutputMap.Strings(file.DriverOpts))
        .Add("template_driver", file.TemplateDriver)
        .AddExtensions(file.Extensions);
}
