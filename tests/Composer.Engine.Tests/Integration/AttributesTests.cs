using Composer.Engine.Contracts;
using Composer.Engine.Registry;
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

    /// <summary>
    /// Each version-gated feature on its own: below the version it needs (this machine's engine has 1.41) up refuses it
    /// naming both versions and nothing of the project is created; from that version on the engine applies it.
    /// </summary>
    [Theory]
    [InlineData("annotations")]
    [InlineData("cdi")]
    [InlineData("gw_priority")]
    [InlineData("enable_ipv4")]
    [InlineData("interface_name")]
    public async Task A_version_gated_feature_is_refused_naming_both_versions_before_anything_is_created(string feature)
    {
        await using var scope = new ProjectScope(fixture, "vg");
        var service = TestServices.Sleeper("app");
        var network = new Model.Network { Name = scope.Name + "_default" };
        (string Problem, EngineApiVersion Needed) expected = feature switch
        {
            "annotations" => ("service \"app\": annotations", new EngineApiVersion(1, 43)),
            "cdi" => ("service \"app\": CDI devices", new EngineApiVersion(1, 44)),
            "gw_priority" => ("service \"app\": networks.default.gw_priority", new EngineApiVersion(1, 48)),
            "enable_ipv4" => ("network \"default\": enable_ipv4: false", new EngineApiVersion(1, 48)),
            _ => ("service \"app\": networks.default.interface_name", new EngineApiVersion(1, 49)),
        };
        service = feature switch
        {
            "annotations" => service with { Annotations = TestServices.Map(("com.example.owner", "team")) },
            "cdi" => service with { Devices = [new Model.DeviceMapping { Source = "vendor.example/gpu=all", Target = "vendor.example/gpu=all" }] },
            "gw_priority" => service with { Networks = TestServices.Map<ServiceNetwork?>(("default", new ServiceNetwork { GwPriority = 10 })) },
            "interface_name" => service with { Networks = TestServices.Map<ServiceNetwork?>(("default", new ServiceNetwork { InterfaceName = "app0" })) },
            _ => service,
        };
        if (feature == "enable_ipv4")
        {
            network = network with { EnableIpv4 = false, EnableIpv6 = true };
        }

        var project = TestServices.Project(scope.Name, service) with { Networks = TestServices.Map(("default", network)) };
        var version = await fixture.Engine.ApiVersionAsync(Timeout);
        if (version >= expected.Needed)
        {
            // A newer engine has the feature: the refusal must not happen (what it does with CDI without a CDI
            // spec is the engine's to say).
            var problems = Engine.Validation.EngineVersionValidator.Problems(project, null, version);
            Assert.Empty(problems);
            return;
        }

        var failure = await Assert.ThrowsAsync<UnsupportedServiceException>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        Assert.Equal($"{expected.Problem} needs engine API {expected.Needed}, this engine has {version}", Assert.Single(failure.Problems));
        await AssertNothingCreatedAsync(scope.Name);
    }

    [Fact]
    public async Task All_resources_checks_the_networks_no_service_uses_as_it_creates_them()
    {
        await using var scope = new ProjectScope(fixture, "allres");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("app")) with
        {
            Networks = TestServices.Map(
                ("default", new Model.Network { Name = scope.Name + "_default" }),
                ("v6only", new Model.Network { Name = scope.Name + "_v6only", EnableIpv4 = false, EnableIpv6 = true })),
        };
        var version = await fixture.Engine.ApiVersionAsync(Timeout);

        if (version < new EngineApiVersion(1, 48))
        {
            var failure = await Assert.ThrowsAsync<UnsupportedServiceException>(() =>
                scope.Up.UpAsync(project, new UpOptions { AllResources = true, NoStart = true }, Timeout));
            Assert.Equal($"network \"v6only\": enable_ipv4: false needs engine API 1.48, this engine has {version}", Assert.Single(failure.Problems));
            await AssertNothingCreatedAsync(scope.Name);
        }

        // Without --all-resources the unused network is not created, so nothing needs the feature.
        await scope.Up.UpAsync(project, new UpOptions { NoStart = true }, Timeout);
        var networks = await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(scope.Name) }, Timeout);
        Assert.Equal([scope.Name + "_default"], networks.Select(network => network.Name).ToArray());
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
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public async Task Use_api_socket_binds_the_engine_socket_and_hands_over_the_logins_of_the_docker_config()
    {
        await using var scope = new ProjectScope(fixture, "sck");

        // DOCKER_CONFIG names a folder of the test's own: one login in auths, one from a credential helper on PATH.
        var dockerConfig = Directory.CreateDirectory(Path.Combine(hostFolder, "docker")).FullName;
        await File.WriteAllTextAsync(Path.Combine(dockerConfig, "config.json"), $$"""
            {
              "auths": { "registry.example:5000": { "auth": "{{Base64("alice:s3cret")}}" } },
              "credHelpers": { "helped.example": "composertest" }
            }
            """, Timeout);
        var helper = Path.Combine(hostFolder, "docker-credential-composertest");
        await File.WriteAllTextAsync(helper, "#!/bin/sh\nserver=$(cat)\nprintf '{\"ServerURL\":\"%s\",\"Username\":\"bob\",\"Secret\":\"hunter2\"}' \"$server\"\n", Timeout);
        File.SetUnixFileMode(helper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var credentials = RegistryCredentialStore.FromEnvironment(new Dictionary<string, string>
        {
            ["DOCKER_CONFIG"] = dockerConfig,
            ["PATH"] = hostFolder + Path.PathSeparator + Environment.GetEnvironmentVariable("PATH"),
        });
        var up = new UpService(fixture.Context(scope.Sink) with { Credentials = credentials });
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("cli") with { UseApiSocket = true });

        await up.UpAsync(project, new UpOptions(), Timeout);

        var container = $"{scope.Name}-cli-1";
        var inspected = await InspectAsync(container);
        Assert.Contains(inspected.Mounts, mount => mount.Destination == "/var/run/docker.sock" && mount.Source == "/var/run/docker.sock");
        Assert.Contains("DOCKER_CONFIG=/run/secrets/docker", inspected.Config.Env);
        Assert.Equal(0L, (await ContainerExec.RunAsync(fixture, container, "test", "-S", "/var/run/docker.sock")).ExitCode);
        Assert.Equal((0L, $$"""
            {
              "auths": {
                "helped.example": {
                  "auth": "{{Base64("bob:hunter2")}}"
                },
                "registry.example:5000": {
                  "auth": "{{Base64("alice:s3cret")}}"
                }
              }
            }
            """), await ContainerExec.RunAsync(fixture, container, "cat", "/run/secrets/docker/config.json"));
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

    private async Task AssertNothingCreatedAsync(string project)
    {
        Assert.Empty(await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters { Filters = ProjectFilter(project) }, Timeout));
        Assert.Empty(await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters { All = true, Filters = ProjectFilter(project) }, Timeout));
    }

    private async Task<ContainerInspectResponse> InspectAsync(string name) => await fixture.Docker.Containers.InspectContainerAsync(name, Timeout);

    private static Dictionary<string, IDictionary<string, bool>> ProjectFilter(string project) =>
        new() { ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={project}"] = true } };

    private static string Base64(string text) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(text));

    public void Dispose() => Directory.Delete(hostFolder, recursive: true);
}
