using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Loader;
using Composer.Model;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

/// <summary>
/// The attributes that were refused before: what the engine received is read back by inspect; what this engine
/// (API 1.41, no GPU) cannot do fails with one line naming the service, before anything is created where it can be
/// known before.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class AttributesTests(EngineFixture fixture) : IDisposable
{
    private readonly string hostFolder = Directory.CreateTempSubdirectory("composer-attributes-").FullName;

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Gpus_and_reserved_devices_reach_the_engine_as_device_requests()
    {
        await using var scope = new ProjectScope(fixture, "gpu");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("gpu") with
        {
            Gpus =
            [
                new Model.DeviceRequest { Count = Model.DeviceRequest.AllDevices, Capabilities = ["gpu"] },
                new Model.DeviceRequest { Driver = "nvidia", DeviceIds = ["0", "3"], Capabilities = ["gpu"] },
            ],
            Deploy = new Deploy
            {
                Reservations = new ResourceSpec
                {
                    Devices =
                    [
                        new Model.DeviceRequest
                        {
                            Driver = "nvidia", Count = 2, Capabilities = ["gpu", "utility"],
                            Options = TestServices.Map(("visible", "yes")),
                        },
                    ],
                },
            },
        });

        await scope.Up.UpAsync(project, new UpOptions { NoStart = true }, Timeout);

        var requests = (await InspectAsync($"{scope.Name}-gpu-1")).HostConfig.DeviceRequests;
        Assert.Equal(3, requests.Count);
        Assert.Equal(("", -1L, "gpu"), (requests[0].Driver, requests[0].Count, string.Join(',', requests[0].Capabilities.Single())));
        Assert.Equal(("nvidia", "0,3"), (requests[1].Driver, string.Join(',', requests[1].DeviceIDs)));
        Assert.Equal(("nvidia", 2L, "gpu,utility", "yes"), (requests[2].Driver, requests[2].Count, string.Join(',', requests[2].Capabilities.Single()), requests[2].Options["visible"]));
    }

    [Fact]
    public async Task Starting_a_gpu_service_without_the_driver_fails_with_one_line_naming_the_service()
    {
        await using var scope = new ProjectScope(fixture, "gpx");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("gpu") with
        {
            Deploy = new Deploy { Reservations = new ResourceSpec { Devices = [new Model.DeviceRequest { Driver = "nvidia", Count = 1, Capabilities = ["gpu"] }] } },
        });

        var failure = await Assert.ThrowsAsync<PlanExecutionException>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        Assert.Equal("service \"gpu\": could not select device driver \"nvidia\" with capabilities: [[gpu]]", Assert.Single(failure.Failures));
    }

    [Fact]
    public async Task Blkio_config_reaches_the_engine()
    {
        await using var scope = new ProjectScope(fixture, "blk");
        var device = File.Exists("/dev/vda") ? "/dev/vda" : "/dev/loop0";
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            BlkioConfig = new BlkioConfig
            {
                Weight = 300,
                WeightDevice = [new BlkioDevice(device, 200)],
                DeviceReadBps = [new BlkioDevice(device, 1_048_576)],
                DeviceWriteBps = [new BlkioDevice(device, 2_097_152)],
                DeviceReadIops = [new BlkioDevice(device, 100)],
                DeviceWriteIops = [new BlkioDevice(device, 50)],
            },
        });

        await scope.Up.UpAsync(project, new UpOptions { NoStart = true }, Timeout);

        var host = (await InspectAsync($"{scope.Name}-app-1")).HostConfig;

        // Without the CFQ/BFQ I/O scheduler the engine discards weights and says so: that is shown, never silent.
        if (host.BlkioWeight == 0)
        {
            Assert.Contains(scope.Sink.Warnings, warning => warning.StartsWith("service \"app\": ", StringComparison.Ordinal) && warning.Contains("Weight discarded", StringComparison.Ordinal));
        }
        else
        {
            Assert.Equal((ushort)300, host.BlkioWeight);
            Assert.Equal((device, (ushort)200), (host.BlkioWeightDevice.Single().Path, host.BlkioWeightDevice.Single().Weight));
        }

        Assert.Equal((device, 1_048_576UL), (host.BlkioDeviceReadBps.Single().Path, host.BlkioDeviceReadBps.Single().Rate));
        Assert.Equal(2_097_152UL, host.BlkioDeviceWriteBps.Single().Rate);
        Assert.Equal(100UL, host.BlkioDeviceReadIOps.Single().Rate);
        Assert.Equal(50UL, host.BlkioDeviceWriteIOps.Single().Rate);
    }

    [Fact]
    public async Task Storage_opt_reaches_the_engine_which_refuses_it_on_this_storage_driver_in_one_line()
    {
        await using var scope = new ProjectScope(fixture, "sto");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with { StorageOpt = TestServices.Map(("size", "1G")) });

        var failure = await Assert.ThrowsAsync<PlanExecutionException>(() => scope.Up.UpAsync(project, new UpOptions { NoStart = true }, Timeout));

        var line = Assert.Single(failure.Failures);
        Assert.StartsWith("service \"app\": ", line, StringComparison.Ordinal);
        Assert.Contains("storage-opt", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Features_this_engine_api_lacks_are_refused_naming_the_version_before_anything_is_created()
    {
        await using var scope = new ProjectScope(fixture, "ver");
        var project = TestServices.Project(scope.Name,
            TestServices.Sleeper("web") with
            {
                Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data", Volume = new Model.VolumeOptions { Subpath = "site" } }],
            },
            TestServices.Sleeper("nic") with
            {
                Networks = TestServices.Map<ServiceNetwork?>(("back", null), ("front", new ServiceNetwork { MacAddress = "02:c0:de:00:00:99" })),
            }) with
        {
            Volumes = TestServices.Map(("data", new Composer.Model.Volume { Name = scope.Name + "_data" })),
            Networks = TestServices.Map(("default", new Model.Network { Name = scope.Name + "_default" }), ("back", new Model.Network { Name = scope.Name + "_back" }), ("front", new Model.Network { Name = scope.Name + "_front" })),
        };
        var version = await fixture.Engine.ApiVersionAsync(Timeout);

        var failure = await Assert.ThrowsAsync<UnsupportedServiceException>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        if (version < new EngineApiVersion(1, 44))
        {
            Assert.Contains($"service \"nic\": networks.front.mac_address (not the first network) needs engine API 1.44, this engine has {version}", failure.Problems);
        }

        Assert.Contains($"service \"web\": volume subpath needs engine API 1.45, this engine has {version}", failure.Problems);
        Assert.Empty(await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(scope.Name) }, Timeout));
    }

    [Fact]
    public async Task Mac_addresses_are_on_the_containers_first_network_and_a_changed_one_recreates_the_container()
    {
        await using var scope = new ProjectScope(fixture, "mac");
        var project = TestServices.Project(scope.Name,
            TestServices.Sleeper("one") with { MacAddress = "02:c0:de:00:00:01" },
            TestServices.Sleeper("two") with
            {
                Networks = TestServices.Map<ServiceNetwork?>(("back", new ServiceNetwork { MacAddress = "02:c0:de:00:00:02" }), ("front", null)),
            }) with
        {
            Networks = TestServices.Map(
                ("default", new Model.Network { Name = scope.Name + "_default" }),
                ("back", new Model.Network { Name = scope.Name + "_back" }),
                ("front", new Model.Network { Name = scope.Name + "_front" })),
        };

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        Assert.Equal("02:c0:de:00:00:01", (await InspectAsync($"{scope.Name}-one-1")).NetworkSettings.Networks[$"{scope.Name}_default"].MacAddress);
        var two = (await InspectAsync($"{scope.Name}-two-1")).NetworkSettings.Networks;
        Assert.Equal("02:c0:de:00:00:02", two[$"{scope.Name}_back"].MacAddress);
        Assert.NotEqual("02:c0:de:00:00:02", two[$"{scope.Name}_front"].MacAddress);

        var firstId = (await InspectAsync($"{scope.Name}-one-1")).ID;
        await scope.Up.UpAsync(project.With(project.Services["one"] with { MacAddress = "02:c0:de:00:00:11" }), new UpOptions(), Timeout);

        var recreated = await InspectAsync($"{scope.Name}-one-1");
        Assert.NotEqual(firstId, recreated.ID);
        Assert.Equal("02:c0:de:00:00:11", recreated.NetworkSettings.Networks[$"{scope.Name}_default"].MacAddress);
    }

    [Fact]
    public async Task Models_and_provider_services_are_refused_with_what_is_missing_before_anything_is_created()
    {
        await using var scope = new ProjectScope(fixture, "mdl");
        var project = TestServices.Project(scope.Name,
            TestServices.Sleeper("chat") with { Other = new Extensions(TestServices.Map<object?>(("models", new List<object?> { "llm" }))) },
            new Service { Name = "db", Other = new Extensions(TestServices.Map<object?>(("provider", TestServices.Map<object?>(("type", "composer-test-cloud"))))) });

        var failure = await Assert.ThrowsAsync<UnsupportedServiceException>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        Assert.Contains("service \"db\": provider type \"composer-test-cloud\" needs the docker-composer-test-cloud plugin, which is not in the docker cli-plugins folders or PATH", failure.Problems);
        Assert.Contains(failure.Problems, problem => problem.StartsWith("service \"chat\": models ", StringComparison.Ordinal));
        Assert.Empty(await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(scope.Name) }, Timeout));
    }

    [Fact]
    public async Task Label_file_labels_are_on_the_container_with_the_service_labels_winning()
    {
        await using var scope = new ProjectScope(fixture, "lbl");
        await File.WriteAllTextAsync(Path.Combine(hostFolder, "app.labels"), "# team labels\norg.example.team=payments\norg.example.tier=\"gold\"\n", Timeout);
        await File.WriteAllTextAsync(Path.Combine(hostFolder, "compose.yaml"), """
            services:
              app:
                image: busybox:latest
                command: ["sleep", "60"]
                label_file: ./app.labels
                labels:
                  org.example.tier: platinum
            """, Timeout);
        var loaded = await ProjectLoader.LoadAsync(new LoadOptions { WorkingDirectory = hostFolder, ProjectName = scope.Name }, Timeout);

        await scope.Up.UpAsync(loaded.Project, new UpOptions { NoStart = true }, Timeout);

        var labels = (await InspectAsync($"{scope.Name}-app-1")).Config.Labels;
        Assert.Equal(("payments", "platinum"), (labels["org.example.team"], labels["org.example.tier"]));
    }

    [Fact]
    public async Task Use_api_socket_binds_the_engine_socket_and_hands_over_a_docker_config()
    {
        await using var scope = new ProjectScope(fixture, "sck");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("cli") with { UseApiSocket = true });

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var container = $"{scope.Name}-cli-1";
        var inspected = await InspectAsync(container);
        Assert.Contains(inspected.Mounts, mount => mount.Destination == "/var/run/docker.sock" && mount.Source == "/var/run/docker.sock");
        Assert.Contains("DOCKER_CONFIG=/run/secrets/docker", inspected.Config.Env);
        Assert.Equal(0L, (await ContainerExec.RunAsync(fixture, container, "test", "-S", "/var/run/docker.sock")).ExitCode);
        var (exitCode, config) = await ContainerExec.RunAsync(fixture, container, "cat", "/run/secrets/docker/config.json");
        Assert.True(exitCode == 0, config);
        Assert.Contains("\"auths\"", config, StringComparison.Ordinal);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Swarm_only_deploy_settings_give_one_warning_each()
    {
        await using var scope = new ProjectScope(fixture, "dpl");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app") with
        {
            Deploy = new Deploy
            {
                Mode = "global",
                Other = new Extensions(TestServices.Map<object?>(
                    ("placement", TestServices.Map<object?>(("constraints", new List<object?> { "node.role==manager" }))),
                    ("update_config", TestServices.Map<object?>(("parallelism", 2L))))),
            },
        });

        await scope.Up.UpAsync(project, new UpOptions { NoStart = true }, Timeout);

        Assert.Equal(
            [
                "service \"app\": deploy.placement places tasks on swarm nodes and is ignored on a single engine",
                "service \"app\": deploy.update_config drives swarm rolling updates and is ignored on a single engine",
                "service \"app\": deploy.mode global schedules tasks per swarm node (one engine runs the service's replicas) and is ignored on a single engine",
            ],
            scope.Sink.Warnings.ToArray());
    }

    private async Task<ContainerInspectResponse> InspectAsync(string name) => await fixture.Docker.Containers.InspectContainerAsync(name, Timeout);

    private static Dictionary<string, IDictionary<string, bool>> ProjectFilter(string project) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={project}"] = true } };

    public void Dispose() => Directory.Delete(hostFolder, recursive: true);
}
