using Composer.Model;
using Composer.Planning.Hashing;

namespace Composer.Planning.Tests;

public sealed class NetworkConfigHashTests
{
    private static readonly Network Back = NetworkRecreatePlanTests.Back;

    [Fact]
    public void Same_settings_give_the_same_hash()
    {
        var copy = Back with { Ipam = new Ipam { Config = [new IpamPool { Subnet = "172.31.240.0/24" }] } };

        Assert.Equal(NetworkConfigHash.Compute(Back), NetworkConfigHash.Compute(copy));
        Assert.Matches("^[0-9a-f]{64}$", NetworkConfigHash.Compute(Back));
    }

    [Fact]
    public void Every_setting_the_engine_receives_changes_the_hash()
    {
        Network[] changed =
        [
            Back with { Ipam = new Ipam { Config = [new IpamPool { Subnet = "172.31.241.0/24" }] } },
            Back with { Internal = true },
            Back with { Attachable = true },
            Back with { EnableIpv6 = true },
            Back with { Driver = "macvlan" },
            Back with { Name = "other_back" },
            Back with { DriverOpts = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["com.docker.network.bridge.name"] = "br-app" } },
            Back with { Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["tier"] = "back" } },
        ];

        var hashes = changed.Select(NetworkConfigHash.Compute).Append(NetworkConfigHash.Compute(Back)).ToList();

        Assert.Equal(hashes.Count, hashes.Distinct().Count());
    }

    [Fact]
    public void Extension_fields_do_not_change_the_hash()
    {
        var extended = Back with
        {
            Extensions = new Extensions(new SortedDictionary<string, object?>(StringComparer.Ordinal) { ["x-note"] = "hello" }),
        };

        Assert.Equal(NetworkConfigHash.Compute(Back), NetworkConfigHash.Compute(extended));
    }
}
