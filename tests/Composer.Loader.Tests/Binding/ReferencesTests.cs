using Composer.Model;

namespace Composer.Loader.Tests.Binding;

/// <summary>References to other services and containers are parsed once, when binding, into the model's types.</summary>
public sealed class ReferencesTests
{
    [Fact]
    public void Namespace_modes_name_a_mode_a_service_or_a_container()
    {
        var service = BindingHarness.Load("""
            services:
              web:
                image: x
                network_mode: service:vpn
                ipc: container:abc
                pid: host
                uts: service:db
                cgroup: private
            """).Services["web"];

        Assert.Equal(new NamespaceMode(ReferenceTarget.Service, "vpn"), service.NetworkMode);
        Assert.Equal("vpn", service.NetworkMode!.ServiceName);
        Assert.Equal(new NamespaceMode(ReferenceTarget.Container, "abc"), service.Ipc);
        Assert.Equal("abc", service.Ipc!.ContainerName);
        Assert.Equal(new NamespaceMode(ReferenceTarget.Mode, "host"), service.Pid);
        Assert.Null(service.Pid!.ServiceName);
        Assert.Equal("service:db", service.Uts!.ToString());
        Assert.Equal("private", service.Cgroup!.ToString());
    }

    [Fact]
    public void Volumes_from_and_links_keep_name_access_and_alias()
    {
        var service = BindingHarness.Load("""
            services:
              web:
                image: x
                volumes_from: [files, "files:ro", "service:logs:rw", "container:abc", "container:def:ro"]
                links: [db, "db:database"]
                external_links: ["legacy:old"]
            """).Services["web"];

        Assert.Equal(
            [
                new VolumesFromSource(ReferenceTarget.Service, "files"),
                new VolumesFromSource(ReferenceTarget.Service, "files", true),
                new VolumesFromSource(ReferenceTarget.Service, "logs", false),
                new VolumesFromSource(ReferenceTarget.Container, "abc"),
                new VolumesFromSource(ReferenceTarget.Container, "def", true),
            ],
            service.VolumesFrom);
        Assert.Equal(["files", "files:ro", "logs:rw", "container:abc", "container:def:ro"], service.VolumesFrom.Select(source => source.ToString()));
        Assert.Equal([new Link("db"), new Link("db", "database")], service.Links);
        Assert.Equal(["db", "database"], service.Links.Select(link => link.HostName));
        Assert.Equal(new Link("legacy", "old"), Assert.Single(service.ExternalLinks));
    }

    [Fact]
    public void A_volumes_from_access_mode_other_than_ro_or_rw_is_a_located_error()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose("""
            services:
              web:
                image: x
                volumes_from: [files, "files:z"]
            """));

        Assert.Equal("services.web.volumes_from[1]", diagnostic.Path);
        Assert.Contains("must be ro or rw", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(4, diagnostic.Mark.Line);
    }

    [Fact]
    public void References_list_what_a_service_needs_and_why()
    {
        var service = new Service
        {
            Name = "app",
            DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal) { ["db"] = new() },
            Links = ["cache:c"],
            VolumesFrom = ["files:ro", "container:other"],
            NetworkMode = "service:vpn",
            Ipc = "shareable",
            Pid = "service:db",
        };

        Assert.Equal(
            [
                new ServiceReference("db", ReferenceReason.DependsOn),
                new ServiceReference("cache", ReferenceReason.Link),
                new ServiceReference("files", ReferenceReason.VolumesFrom),
                new ServiceReference("vpn", ReferenceReason.NetworkMode),
                new ServiceReference("db", ReferenceReason.Pid),
            ],
            service.References());
        Assert.Equal(["files", "vpn", "db"], service.SharedContainerServices());
    }

    [Fact]
    public void Names_follow_docker_compose()
    {
        var web = new Service { Name = "web" };
        var shop = new Project { Name = "shop", WorkingDirectory = "/srv/shop" };

        Assert.Equal("shop-web-2", ComposeNames.Container(shop, web, 2));
        Assert.Equal("front", ComposeNames.Container(shop, web with { ContainerName = "front" }, 1));
        Assert.Equal("shop-web-run-0123456789ab", ComposeNames.OneOff(shop, "web", "0123456789ab"));
        Assert.Equal("shop_back", ComposeNames.Resource("shop", "back"));
        Assert.Equal("shop-web", ComposeNames.Image(shop, web));
        Assert.Equal("nginx:1.27", ComposeNames.Image(shop, web with { Image = "nginx:1.27" }));
        Assert.Equal("shop-web", ComposeNames.BuiltImage(shop with { Name = "Shop" }, "Web"));
        Assert.Equal("0123456789ab_shop-web-1", ComposeNames.Temporary("0123456789abcdef", "shop-web-1"));
    }

    [Fact]
    public void Compatibility_joins_container_one_off_and_image_names_with_underscores_as_docker_compose_v1()
    {
        var web = new Service { Name = "web" };
        var shop = new Project { Name = "shop", WorkingDirectory = "/srv/shop", Compatibility = true };

        Assert.Equal("shop_web_2", ComposeNames.Container(shop, web, 2));
        Assert.Equal("front", ComposeNames.Container(shop, web with { ContainerName = "front" }, 1));
        Assert.Equal("shop_web_run_0123456789ab", ComposeNames.OneOff(shop, "web", "0123456789ab"));
        Assert.Equal("shop_back", ComposeNames.Resource("shop", "back"));
        Assert.Equal("shop_web", ComposeNames.Image(shop, web));
    }
}
