using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Engine.Validation;
using Composer.Model;

namespace Composer.Engine.Tests.Unit;

/// <summary>Version-dependent features are decided by the version the engine reports, never refused statically.</summary>
public sealed class EngineVersionValidatorTests
{
    private static readonly Project Everything = TestServices.Project("p",
        TestServices.Sleeper("web") with
        {
            Annotations = TestServices.Map(("com.example.owner", "web-team")),
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data", Volume = new VolumeOptions { Subpath = "site" } }],
            Devices = [new DeviceMapping { Source = "nvidia.com/gpu=all", Target = "nvidia.com/gpu=all" }],
            MacAddress = "02:42:ac:11:00:02",
            Networks = TestServices.Map<ServiceNetwork?>(("default", new ServiceNetwork { GwPriority = 10, InterfaceName = "eth9" })),
        }) with
    {
        Networks = TestServices.Map(("default", new Network { Name = "p_default", EnableIpv4 = false })),
    };

    [Theory]
    [InlineData("1.41", 6)]
    [InlineData("1.43", 5)]
    [InlineData("1.44", 4)]
    [InlineData("1.45", 3)]
    [InlineData("1.48", 1)]
    [InlineData("1.49", 0)]
    [InlineData("1.51", 0)]
    [InlineData("2.0", 0)]
    public void Each_feature_is_refused_below_its_version_and_applied_from_it(string version, int refused)
    {
        Assert.Equal(refused, EngineVersionValidator.Problems(Everything, null, EngineApiVersion.Parse(version)).Count);
    }

    [Fact]
    public void With_all_resources_a_network_no_selected_service_joins_is_checked_too_as_it_is_created()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("web")) with
        {
            Networks = TestServices.Map(
                ("default", new Network { Name = "p_default" }),
                ("v6only", new Network { Name = "p_v6only", EnableIpv4 = false }),
                ("outside", new Network { Name = "outside", External = true, EnableIpv4 = false })),
        };
        var old = new EngineApiVersion(1, 41);

        Assert.Empty(EngineVersionValidator.Problems(project, ["web"], old));
        Assert.Equal(
            ["network \"v6only\": enable_ipv4: false needs engine API 1.48, this engine has 1.41"],
            EngineVersionValidator.Problems(project, ["web"], old, allResources: true));
        Assert.Empty(EngineVersionValidator.Problems(project, ["web"], new EngineApiVersion(1, 48), allResources: true));
    }

    [Fact]
    public void A_service_without_networks_uses_the_default_network_and_one_with_a_network_mode_none()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("web"), TestServices.Sleeper("solo") with { NetworkMode = NamespaceMode.Parse("host") }) with
        {
            Networks = TestServices.Map(("default", new Network { Name = "p_default", EnableIpv4 = false })),
        };

        Assert.Equal(
            ["network \"default\": enable_ipv4: false needs engine API 1.48, this engine has 1.41"],
            EngineVersionValidator.Problems(project, ["web"], new EngineApiVersion(1, 41)));
        Assert.Empty(EngineVersionValidator.Problems(project, ["solo"], new EngineApiVersion(1, 41)));
    }

    [Fact]
    public void Refusals_name_the_service_the_feature_the_needed_and_the_present_version()
    {
        Assert.Equal(
            [
                "service \"web\": annotations needs engine API 1.43, this engine has 1.41",
                "service \"web\": volume subpath needs engine API 1.45, this engine has 1.41",
                "service \"web\": CDI devices needs engine API 1.44, this engine has 1.41",
                "service \"web\": networks.default.gw_priority needs engine API 1.48, this engine has 1.41",
                "service \"web\": networks.default.interface_name needs engine API 1.49, this engine has 1.41",
                "network \"default\": enable_ipv4: false needs engine API 1.48, this engine has 1.41",
            ],
            EngineVersionValidator.Problems(Everything, null, new EngineApiVersion(1, 41)));
    }

    [Fact]
    public void Before_api_1_44_a_mac_address_is_refused_only_on_a_network_after_the_first()
    {
        var service = TestServices.Sleeper("web") with
        {
            MacAddress = "02:42:ac:11:00:02",
            Networks = TestServices.Map<ServiceNetwork?>(
                ("back", new ServiceNetwork { MacAddress = "02:42:ac:11:00:02" }),
                ("front", new ServiceNetwork { MacAddress = "02:42:ac:12:00:02" })),
        };
        var project = TestServices.Project("p", service);

        Assert.Equal(
            ["service \"web\": networks.front.mac_address (not the first network) needs engine API 1.44, this engine has 1.41"],
            EngineVersionValidator.Problems(project, null, new EngineApiVersion(1, 41)));
        Assert.Empty(EngineVersionValidator.Problems(project, null, new EngineApiVersion(1, 44)));
        Assert.Empty(EngineVersionValidator.Problems(TestServices.Project("p", service with
        {
            Networks = TestServices.Map<ServiceNetwork?>(("back", new ServiceNetwork { Priority = 1 }), ("front", null)),
        }), null, new EngineApiVersion(1, 41)));
    }

    [Fact]
    public void Only_selected_services_and_their_networks_are_checked()
    {
        var project = Everything.With(TestServices.Sleeper("plain"));

        Assert.Empty(EngineVersionValidator.Problems(project with { Networks = TestServices.Map(("default", new Network { Name = "p_default" })) }, ["plain"], new EngineApiVersion(1, 41)));
    }

    [Theory]
    [InlineData("1.41", "1.9", true)]
    [InlineData("1.44", "1.44", false)]
    [InlineData("2.0", "1.99", true)]
    public void Versions_compare_numerically(string larger, string smaller, bool strictlyGreater)
    {
        Assert.Equal(strictlyGreater, EngineApiVersion.Parse(larger) > EngineApiVersion.Parse(smaller));
        Assert.True(EngineApiVersion.Parse(larger) >= EngineApiVersion.Parse(smaller));
    }

    [Theory]
    [InlineData("nvidia.com/gpu=all", true)]
    [InlineData("vendor.com/class=name", true)]
    [InlineData("/dev/nvidia0", false)]
    [InlineData("gpu=all", false)]
    [InlineData("nvidia/gpu=all", false)]
    public void Cdi_names_are_told_from_device_paths(string name, bool isCdi)
    {
        Assert.Equal(isCdi, CdiDevices.IsQualifiedName(name));
    }
}
