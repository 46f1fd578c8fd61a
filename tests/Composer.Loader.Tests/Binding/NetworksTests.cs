using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class NetworksTests
{
    [Fact]
    public void List_form_attaches_without_options()
    {
        var project = BindingHarness.Load("""
            services:
              web:
                networks: [front, back]
            networks:
              front:
              back:
            """);

        var networks = project.Services["web"].Networks;
        Assert.Equal(["back", "front"], networks.Keys);
        Assert.All(networks.Values, Assert.Null);
    }

    [Fact]
    public void Map_form_keeps_aliases_addresses_and_priority()
    {
        var network = BindingHarness.Load("""
            services:
              web:
                networks:
                  front:
                    aliases: [www, site]
                    ipv4_address: 172.16.238.10
                    ipv6_address: 2001:3984:3989::10
                    priority: 100
                    gw_priority: 1
                    mac_address: 02:42:ac:11:00:02
                    link_local_ips: [169.254.0.1]
                    driver_opts: {com.example.mtu: 1400}
            networks:
              front:
            """).Services["web"].Networks["front"]!;

        Assert.Equal(["www", "site"], network.Aliases);
        Assert.Equal("172.16.238.10", network.Ipv4Address);
        Assert.Equal("2001:3984:3989::10", network.Ipv6Address);
        Assert.Equal(100, network.Priority);
        Assert.Equal(1, network.GwPriority);
        Assert.Equal("02:42:ac:11:00:02", network.MacAddress);
        Assert.Equal(["169.254.0.1"], network.LinkLocalIps);
        Assert.Equal("1400", network.DriverOpts["com.example.mtu"]);
    }

    [Fact]
    public void A_service_without_networks_joins_the_implicit_default_network()
    {
        var project = BindingHarness.Load("services:\n  web:\n    image: nginx");

        Assert.Equal(["default"], project.Services["web"].Networks.Keys);
        Assert.Equal("demo_default", project.Networks["default"].Name);
    }

    [Fact]
    public void Network_mode_services_do_not_create_the_default_network()
    {
        var project = BindingHarness.Load("services:\n  web:\n    network_mode: host");

        Assert.Empty(project.Services["web"].Networks);
        Assert.Empty(project.Networks);
    }

    [Fact]
    public void A_declared_default_network_keeps_its_settings()
    {
        var project = BindingHarness.Load("services:\n  web: {}\nnetworks:\n  default:\n    driver: overlay");

        Assert.Equal("overlay", project.Networks["default"].Driver);
        Assert.Equal("demo_default", project.Networks["default"].Name);
    }

    [Fact]
    public void Canonical_form_maps_networks_to_null_or_options()
    {
        var yaml = BindingHarness.RoundTrip(BindingHarness.Load("""
            services:
              web:
                networks:
                  back:
                  front:
                    aliases: [www]
                    ipv4_address: 10.0.0.5
            networks:
              front: {}
              back: {}
            """));

        Assert.Equal("""
            name: demo
            services:
              web:
                networks:
                  back: null
                  front:
                    aliases:
                      - www
                    ipv4_address: 10.0.0.5
            networks:
              back:
                name: demo_back
              front:
                name: demo_front

            """, yaml);
    }

    [Fact]
    public void A_scalar_networks_value_is_reported()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(BindingHarness.Services("networks: front")));

        Assert.Equal("services.web.networks", diagnostic.Path);
    }
}
