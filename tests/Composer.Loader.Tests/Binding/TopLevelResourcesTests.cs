using Xunit;

namespace Composer.Loader.Tests.Binding;

public sealed class TopLevelResourcesTests
{
    private const string Yaml = """
        services:
          web:
            network_mode: bridge
        networks:
          front:
            driver: bridge
            driver_opts:
              com.docker.network.bridge.name: br-front
            internal: true
            attachable: "true"
            enable_ipv6: true
            ipam:
              driver: default
              config:
                - subnet: 172.28.0.0/16
                  ip_range: 172.28.5.0/24
                  gateway: 172.28.5.254
                  aux_addresses:
                    host1: 172.28.1.5
            labels: [com.example.team=web]
          outside:
            external: true
          legacy:
            external:
              name: real_legacy
          custom:
            name: my-network
        volumes:
          data:
          cache:
            driver: local
            driver_opts: {type: tmpfs, device: tmpfs, o: "size=100m"}
            labels: {backup: "true"}
          shared:
            external: true
            name: team_shared
        """;

    [Fact]
    public void Networks_get_project_prefixed_names_unless_named_or_external()
    {
        var networks = BindingHarness.Load(Yaml).Networks;

        Assert.Equal("demo_front", networks["front"].Name);
        Assert.Equal("outside", networks["outside"].Name);
        Assert.True(networks["outside"].External);
        Assert.Equal("real_legacy", networks["legacy"].Name);
        Assert.True(networks["legacy"].External);
        Assert.Equal("my-network", networks["custom"].Name);
        Assert.False(networks.ContainsKey("default"));
    }

    [Fact]
    public void Network_options_and_ipam_are_typed()
    {
        var front = BindingHarness.Load(Yaml).Networks["front"];

        Assert.Equal("bridge", front.Driver);
        Assert.Equal("br-front", front.DriverOpts["com.docker.network.bridge.name"]);
        Assert.True(front.Internal);
        Assert.True(front.Attachable);
        Assert.True(front.EnableIpv6);
        Assert.Equal("default", front.Ipam!.Driver);
        var pool = Assert.Single(front.Ipam.Config);
        Assert.Equal("172.28.0.0/16", pool.Subnet);
        Assert.Equal("172.28.5.0/24", pool.IpRange);
        Assert.Equal("172.28.5.254", pool.Gateway);
        Assert.Equal("172.28.1.5", pool.AuxAddresses["host1"]);
        Assert.Equal("web", front.Labels["com.example.team"]);
    }

    [Fact]
    public void Volumes_are_named_like_networks()
    {
        var volumes = BindingHarness.Load(Yaml).Volumes;

        Assert.Equal("demo_data", volumes["data"].Name);
        Assert.Equal("local", volumes["cache"].Driver);
        Assert.Equal("size=100m", volumes["cache"].DriverOpts["o"]);
        Assert.Equal("true", volumes["cache"].Labels["backup"]);
        Assert.Equal("team_shared", volumes["shared"].Name);
        Assert.True(volumes["shared"].External);
    }

    [Fact]
    public void The_legacy_external_name_form_warns()
    {
        var diagnostic = Assert.Single(BindingHarness.Diagnose(Yaml));

        Assert.Equal(Composer.Loader.Diagnostics.DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.Equal("networks.legacy.external", diagnostic.Path);
    }

    [Fact]
    public void Canonical_form()
    {
        var yaml = BindingHarness.RoundTrip(BindingHarness.Load(Yaml));

        Assert.Equal("""
            name: demo
            services:
              web:
                network_mode: bridge
            networks:
              custom:
                name: my-network
              front:
                attachable: true
                driver: bridge
                driver_opts:
                  com.docker.network.bridge.name: br-front
                enable_ipv6: true
                internal: true
                ipam:
                  config:
                    - aux_addresses:
                        host1: 172.28.1.5
                      gateway: 172.28.5.254
                      ip_range: 172.28.5.0/24
                      subnet: 172.28.0.0/16
                  driver: default
                labels:
                  com.example.team: web
                name: demo_front
              legacy:
                external: true
                name: real_legacy
              outside:
                external: true
                name: outside
            volumes:
              cache:
                driver: local
                driver_opts:
                  device: tmpfs
                  o: size=100m
                  type: tmpfs
                labels:
                  backup: "true"
                name: demo_cache
              data:
                name: demo_data
              shared:
                external: true
                name: team_shared

            """, yaml);
    }

    [Fact]
    public void Json_output_has_the_same_shape()
    {
        var json = Composer.Loader.Writing.ProjectWriter.ToJson(BindingHarness.Load("services:\n  web:\n    image: nginx\n    cpus: 1.5\n    init: true"));

        Assert.Equal("""
            {
              "name": "demo",
              "services": {
                "web": {
                  "cpus": 1.5,
                  "image": "nginx",
                  "init": true,
                  "networks": {
                    "default": null
                  }
                }
              },
              "networks": {
                "default": {
                  "name": "demo_default"
                }
              }
            }

            """, json);
    }
}
