using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Services;
using Composer.Planning.Hashing;
using Docker.DotNet.Models;
using Network = Composer.Model.Network;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class NetworkRecreateTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task A_network_whose_subnet_changed_is_recreated_with_only_the_containers_on_it()
    {
        await using var scope = new ProjectScope(fixture, "netre");
        var project = Stack(scope.Name, "172.31.240.0/24");
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var before = await InspectAsync(scope.Name);
        var moved = Stack(scope.Name, "172.31.241.0/24");

        var second = await scope.Up.UpAsync(moved, new UpOptions(), Timeout);
        var third = await scope.Up.UpAsync(moved, new UpOptions(), Timeout);

        var after = await InspectAsync(scope.Name);
        Assert.Equal("172.31.241.0/24", Assert.Single(after.Network.IPAM.Config).Subnet);
        Assert.Equal(NetworkConfigHash.Compute(moved.Networks["back"]), after.Network.Labels[ComposeLabels.ConfigHash]);
        Assert.NotEqual(before.Network.Labels[ComposeLabels.ConfigHash], after.Network.Labels[ComposeLabels.ConfigHash]);
        Assert.NotEqual(before.Network.ID, after.Network.ID);
        Assert.NotEqual(before.Api.ID, after.Api.ID);
        Assert.True(after.Api.State.Running);
        var endpoint = after.Api.NetworkSettings.Networks[$"{scope.Name}_back"];
        Assert.Equal(after.Network.ID, endpoint.NetworkID);
        Assert.StartsWith("172.31.241.", endpoint.IPAddress, StringComparison.Ordinal);
        Assert.Equal(before.Web.ID, after.Web.ID);
        Assert.Contains(scope.Sink.Warnings, warning => warning == $"network \"{scope.Name}_back\" has been modified, recreating it");
        Assert.Contains(second.Plan.Operations, operation => operation.Kind == Planning.Plans.OperationKind.RemoveNetwork);
        Assert.True(third.Plan.IsEmpty, third.PlanText);
        await scope.Down.DownAsync(moved, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task A_network_without_a_config_hash_label_is_adopted_as_it_is()
    {
        await using var scope = new ProjectScope(fixture, "netad");
        await fixture.Docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = $"{scope.Name}_back",
            Labels = new Dictionary<string, string> { [ComposeLabels.Project] = scope.Name, [ComposeLabels.Network] = "back" },
            IPAM = new IPAM { Config = [new IPAMConfig { Subnet = "172.31.242.0/24" }] },
        }, Timeout);
        var project = Stack(scope.Name, "172.31.243.0/24");

        var up = await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var state = await InspectAsync(scope.Name);
        Assert.DoesNotContain(up.Plan.Operations, operation => operation.Target == $"{scope.Name}_back");
        Assert.Equal("172.31.242.0/24", Assert.Single(state.Network.IPAM.Config).Subnet);
        Assert.False(state.Network.Labels.ContainsKey(ComposeLabels.ConfigHash));
        Assert.Equal(state.Network.ID, state.Api.NetworkSettings.Networks[$"{scope.Name}_back"].NetworkID);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    // api joins the back network (with the given subnet); web stays on the default network only.
    private static Project Stack(string name, string subnet) =>
        TestServices.Project(name,
            TestServices.Sleeper("api") with { Networks = TestServices.Map<ServiceNetwork?>(("back", null)) },
            TestServices.Sleeper("web")) with
        {
            Networks = TestServices.Map(
                ("default", new Network { Name = name + "_default" }),
                ("back", new Network { Name = name + "_back", Ipam = new Ipam { Config = [new IpamPool { Subnet = subnet }] } })),
        };

    private async Task<(NetworkResponse Network, ContainerInspectResponse Api, ContainerInspectResponse Web)> InspectAsync(string project) => (
        await fixture.Docker.Networks.InspectNetworkAsync($"{project}_back", Timeout),
        await fixture.Docker.Containers.InspectContainerAsync($"{project}-api-1", Timeout),
        await fixture.Docker.Containers.InspectContainerAsync($"{project}-web-1", Timeout));
}
