using Composer.Engine.Contracts;
using Composer.Engine.DockerApi;
using Composer.Engine.Tests.Support;
using Composer.Model;

namespace Composer.Engine.Tests.Unit;

public sealed class ContainerSpecTranslatorTests
{
    private static ContainerSpec Translate(Project project, string service, IReadOnlyDictionary<string, string>? shared = null) =>
        ContainerSpecTranslator.Translate(new ContainerRequest
        {
            Project = project,
            Service = project.Services[service],
            Name = $"{project.Name}-{service}-1",
            Number = 1,
            ConfigHash = "abc",
            ServiceContainers = shared ?? new Dictionary<string, string>(),
        }, new EngineApiVersion(1, 41));

    [Fact]
    public void Ports_become_exposed_ports_and_bindings_with_host_ip_range_and_protocol()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("web") with
        {
            Ports =
            [
                new ServicePort { Target = 80, Published = "8080", HostIp = "127.0.0.1" },
                new ServicePort { Target = 53, Published = "5300-5301", Protocol = "udp" },
                new ServicePort { Target = 9000 },
            ],
            Expose = ["3000-3001", "7000/udp"],
        });

        var parameters = Translate(project, "web").Parameters;

        Assert.Equal(["3000/tcp", "3001/tcp", "53/udp", "7000/udp", "80/tcp", "9000/tcp"], parameters.ExposedPorts.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(("127.0.0.1", "8080"), (parameters.HostConfig.PortBindings["80/tcp"][0].HostIP, parameters.HostConfig.PortBindings["80/tcp"][0].HostPort));
        Assert.Equal("5300-5301", parameters.HostConfig.PortBindings["53/udp"][0].HostPort);
        Assert.Equal("", parameters.HostConfig.PortBindings["9000/tcp"][0].HostPort);
    }

    [Fact]
    public void Volumes_map_to_binds_named_anonymous_and_tmpfs_mounts()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("db") with
        {
            Volumes =
            [
                new ServiceVolume { Type = "bind", Source = "/srv/conf", Target = "/etc/conf", ReadOnly = true },
                new ServiceVolume { Type = "volume", Source = "data", Target = "/data" },
                new ServiceVolume { Type = "volume", Target = "/cache" },
                new ServiceVolume { Type = "tmpfs", Target = "/run", Tmpfs = new Model.TmpfsOptions { Size = 1024 } },
            ],
            Tmpfs = ["/tmp:size=64m"],
        }) with
        {
            Volumes = TestServices.Map(("data", new Volume { Name = "p_data" })),
        };

        var host = Translate(project, "db").Parameters.HostConfig;

        Assert.Equal(["/srv/conf:/etc/conf:ro"], host.Binds);
        Assert.Equal([("volume", "p_data", "/data"), ("tmpfs", null, "/run")], host.Mounts!.Select(mount => (mount.Type, mount.Source, mount.Target)));
        Assert.Equal(1024, host.Mounts[1].TmpfsOptions.SizeBytes);
        Assert.Equal("size=64m", host.Tmpfs["/tmp"]);
        Assert.Contains("/cache", Translate(project, "db").Parameters.Volumes.Keys);
    }

    [Fact]
    public void First_network_goes_in_the_create_call_and_the_rest_are_joined_later_with_aliases()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("api") with
        {
            Networks = TestServices.Map<ServiceNetwork?>(
                ("back", new ServiceNetwork { Aliases = ["backend"], Ipv4Address = "172.28.0.5" }),
                ("front", null)),
        }) with
        {
            Networks = TestServices.Map(("back", new Network { Name = "p_back" }), ("front", new Network { Name = "p_front" })),
        };

        var spec = Translate(project, "api");

        Assert.Equal("p_back", spec.Parameters.HostConfig.NetworkMode);
        var first = spec.Parameters.NetworkingConfig.EndpointsConfig["p_back"];
        Assert.Equal(["api", "backend"], first.Aliases);
        Assert.Equal("172.28.0.5", first.IPAMConfig.IPv4Address);
        Assert.Equal("p_front", Assert.Single(spec.ExtraNetworks).Key);
    }

    [Fact]
    public void Network_mode_of_another_service_points_at_its_container()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("vpn"), TestServices.Sleeper("app") with { NetworkMode = "service:vpn" });

        var spec = Translate(project, "app", new Dictionary<string, string> { ["vpn"] = "p-vpn-1" });

        Assert.Equal("container:p-vpn-1", spec.Parameters.HostConfig.NetworkMode);
        Assert.Null(spec.Parameters.NetworkingConfig);
    }

    [Fact]
    public void Labels_environment_resources_and_healthcheck_are_carried_over()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("db") with
        {
            Environment = TestServices.Map<string?>(("A", "1"), ("FROM_PROJECT", null), ("UNSET_ANYWHERE_XYZ", null)),
            Labels = TestServices.Map(("team", "data")),
            DependsOn = TestServices.Map(("cache", new ServiceDependency { Condition = ServiceDependency.Healthy })),
            MemLimit = 64 * 1024 * 1024,
            Deploy = new Deploy { Limits = new ResourceSpec { Cpus = 0.5, Pids = 100 } },
            Restart = "on-failure:3",
            Healthcheck = new Healthcheck { Test = ["CMD", "true"], Interval = TimeSpan.FromSeconds(2), Retries = 3 },
            CapAdd = ["NET_ADMIN"],
            Ulimits = TestServices.Map(("nofile", new Model.Ulimit(1024, 2048))),
        }) with
        {
            Environment = new Dictionary<string, string> { ["FROM_PROJECT"] = "yes" },
        };

        var parameters = Translate(project, "db").Parameters;

        Assert.Equal(["A=1", "FROM_PROJECT=yes"], parameters.Env);
        Assert.Equal("data", parameters.Labels["team"]);
        Assert.Equal("p", parameters.Labels[ComposeLabels.Project]);
        Assert.Equal("cache:service_healthy:false", parameters.Labels[ComposeLabels.DependsOn]);
        Assert.Equal("abc", parameters.Labels[ComposeLabels.ConfigHash]);
        Assert.Equal(64 * 1024 * 1024, parameters.HostConfig.Memory);
        Assert.Equal(500_000_000, parameters.HostConfig.NanoCPUs);
        Assert.Equal(100, parameters.HostConfig.PidsLimit);
        Assert.Equal((Docker.DotNet.Models.RestartPolicyKind.OnFailure, 3L), (parameters.HostConfig.RestartPolicy.Name, parameters.HostConfig.RestartPolicy.MaximumRetryCount));
        Assert.Equal(["CMD", "true"], parameters.Healthcheck.Test);
        Assert.Equal(TimeSpan.FromSeconds(2), parameters.Healthcheck.Interval);
        Assert.Equal(["NET_ADMIN"], parameters.HostConfig.CapAdd);
        Assert.Equal(("nofile", 1024L, 2048L), (parameters.HostConfig.Ulimits[0].Name, parameters.HostConfig.Ulimits[0].Soft, parameters.HostConfig.Ulimits[0].Hard));
        Assert.Equal(TimeSpan.FromSeconds(2), parameters.StopTimeout);
    }
}
