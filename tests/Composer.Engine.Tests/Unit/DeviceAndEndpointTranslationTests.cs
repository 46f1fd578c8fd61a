using Composer.Engine.Contracts;
using Composer.Engine.DockerApi;
using Composer.Engine.Tests.Support;
using Composer.Model;

namespace Composer.Engine.Tests.Unit;

/// <summary>What newer engines receive for the version-dependent attributes, and CDI names as device requests.</summary>
public sealed class DeviceAndEndpointTranslationTests
{
    private static ContainerSpec Translate(Service service, string version) =>
        ContainerSpecTranslator.Translate(new ContainerRequest
        {
            Project = TestServices.Project("p", service),
            Service = service,
            Name = "p-web-1",
            Number = 1,
            ConfigHash = "abc",
        }, EngineApiVersion.Parse(version));

    [Fact]
    public void Cdi_names_in_devices_become_one_cdi_request_and_paths_stay_devices()
    {
        var spec = Translate(TestServices.Sleeper("web") with
        {
            Devices =
            [
                new DeviceMapping { Source = "nvidia.com/gpu=0", Target = "nvidia.com/gpu=0" },
                new DeviceMapping { Source = "vendor.com/fpga=a", Target = "vendor.com/fpga=a" },
                new DeviceMapping { Source = "/dev/fuse", Target = "/dev/fuse" },
            ],
        }, "1.45");

        var request = Assert.Single(spec.Parameters.HostConfig.DeviceRequests);
        Assert.Equal(("cdi", "nvidia.com/gpu=0,vendor.com/fpga=a"), (request.Driver, string.Join(',', request.DeviceIDs)));
        Assert.Equal("/dev/fuse", Assert.Single(spec.Parameters.HostConfig.Devices).PathOnHost);
    }

    [Fact]
    public void From_api_1_49_endpoints_carry_mac_address_gateway_priority_and_interface_name()
    {
        var spec = Translate(TestServices.Sleeper("web") with
        {
            MacAddress = "02:42:ac:11:00:02",
            Networks = TestServices.Map<ServiceNetwork?>(("default", new ServiceNetwork { GwPriority = 10, InterfaceName = "eth9" })),
        }, "1.49");

        var endpoint = spec.Parameters.NetworkingConfig.EndpointsConfig["p_default"];
        Assert.Equal(("02:42:ac:11:00:02", 10L, "eth9"), (endpoint.MacAddress, (long)endpoint.GwPriority, endpoint.DriverOpts["com.docker.network.endpoint.ifname"]));
    }

    [Theory]
    [InlineData(null, "02:42:ac:11:00:02")]
    [InlineData("02:42:ac:11:00:07", "02:42:ac:11:00:07")]
    public void Before_api_1_44_the_mac_address_is_the_containers_and_no_endpoint_carries_one(string? firstNetworkMac, string expected)
    {
        var service = TestServices.Sleeper("web") with
        {
            MacAddress = firstNetworkMac is null ? "02:42:ac:11:00:02" : null,
            Networks = TestServices.Map<ServiceNetwork?>(("default", new ServiceNetwork { MacAddress = firstNetworkMac })),
        };

        var old = Translate(service, "1.41");
        var current = Translate(service, "1.44");

        Assert.Equal(expected, old.ContainerMacAddress);
        Assert.True(string.IsNullOrEmpty(old.Parameters.NetworkingConfig.EndpointsConfig["p_default"].MacAddress));
        Assert.Null(current.ContainerMacAddress);
        Assert.Equal(expected, current.Parameters.NetworkingConfig.EndpointsConfig["p_default"].MacAddress);
        Assert.Equal("02:42:ac:11:00:02", Translate(TestServices.Sleeper("web") with { MacAddress = "02:42:ac:11:00:02", NetworkMode = "bridge" }, "1.41").ContainerMacAddress);
    }

    [Fact]
    public void Annotations_storage_options_and_subpath_are_sent_when_set()
    {
        var spec = Translate(TestServices.Sleeper("web") with
        {
            Annotations = TestServices.Map(("owner", "team")),
            StorageOpt = TestServices.Map(("size", "1G")),
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/d", Volume = new Model.VolumeOptions { Subpath = "site" } }],
        }, "1.45");

        Assert.Equal("team", spec.Parameters.HostConfig.Annotations["owner"]);
        Assert.Equal("1G", spec.Parameters.HostConfig.StorageOpt["size"]);
        Assert.Equal("site", Assert.Single(spec.Parameters.HostConfig.Mounts!).VolumeOptions.Subpath);
    }
}
