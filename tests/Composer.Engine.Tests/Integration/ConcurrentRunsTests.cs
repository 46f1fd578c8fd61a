using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Services;
using Composer.Planning.Hashing;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

/// <summary>
/// Runs of one project at the same time, and what racing or killed runs leave: one network, volume and container of
/// each name, every run succeeding, and leftovers of older races repaired.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class ConcurrentRunsTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(3)).Token;

    [Fact]
    public async Task Four_ups_of_one_project_at_once_all_succeed_and_make_one_of_each()
    {
        await using var scope = new ProjectScope(fixture, "conc");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"), TestServices.Sleeper("b")) with
        {
            Volumes = new SortedDictionary<string, Composer.Model.Volume>(StringComparer.Ordinal) { ["data"] = new() { Name = scope.Name + "_data" } },
        };
        project = project.With(project.Services["a"] with { Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }] });

        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => scope.Up.UpAsync(project, new UpOptions(), Timeout))));

        Assert.Single(await NetworksNamedAsync(scope.Name + "_default"));
        var containers = await ContainersAsync(scope.Name);
        Assert.Equal([$"/{scope.Name}-a-1", $"/{scope.Name}-b-1"], containers.Select(container => container.Names.Single()).Order(StringComparer.Ordinal));
        Assert.All(containers, container => Assert.Equal("running", container.State));
    }

    [Fact]
    public async Task Network_creates_racing_without_a_shared_lock_keep_one_network()
    {
        await using var scope = new ProjectScope(fixture, "cnet");
        var project = TestServices.Project(scope.Name);
        var engines = Enumerable.Range(0, 4).Select(_ => EngineFactory.Create(new EngineOptions())).ToList();
        try
        {
            var request = new NetworkRequest(scope.Name, "default", project.Networks["default"]);
            var ids = await Task.WhenAll(engines.Select(engine => Task.Run(() => engine.CreateNetworkAsync(request, Timeout))));

            var network = Assert.Single(await NetworksNamedAsync(scope.Name + "_default"));
            Assert.All(ids, id => Assert.Equal(network.ID, id));
        }
        finally
        {
            engines.ForEach(engine => engine.Dispose());
        }
    }

    [Fact]
    public async Task Up_and_down_repair_a_project_that_has_two_networks_of_one_name()
    {
        await using var scope = new ProjectScope(fixture, "dupn");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"));
        await CreateDuplicateAsync(scope.Name);
        await CreateDuplicateAsync(scope.Name);
        Assert.Equal(2, (await NetworksNamedAsync(scope.Name + "_default")).Count);

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var kept = Assert.Single(await NetworksNamedAsync(scope.Name + "_default"));
        var container = Assert.Single(await ContainersAsync(scope.Name));
        Assert.Equal("running", container.State);
        Assert.Equal(kept.ID, container.NetworkSettings.Networks[scope.Name + "_default"].NetworkID);
        Assert.Contains(scope.Sink.Warnings, warning => warning.Contains("existed 2 times", StringComparison.Ordinal));

        await CreateDuplicateAsync(scope.Name);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);

        Assert.Empty(await NetworksNamedAsync(scope.Name + "_default"));
        Assert.Empty(await ContainersAsync(scope.Name));
    }

    [Fact]
    public async Task A_name_taken_by_a_late_create_is_looked_at_again_then_replaced_or_adopted()
    {
        await using var scope = new ProjectScope(fixture, "late");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"));
        await fixture.Engine.CreateNetworkAsync(new NetworkRequest(scope.Name, "default", project.Networks["default"]), Timeout);
        var request = new ContainerRequest
        {
            Project = project, Service = project.Services["a"], Name = $"{scope.Name}-a-1", Number = 1,
            ConfigHash = ConfigHash.Compute(project, project.Services["a"]),
        };

        // What a killed run's create leaves: the container made, never finished or started (here with an older hash).
        var late = await fixture.Engine.CreateContainerAsync(request with { ConfigHash = "older" }, Timeout);
        var creator = new ContainerCreator(fixture.Engine, scope.Sink);
        var replaced = await creator.CreateAsync(request, Timeout);

        Assert.NotEqual(late, replaced);
        Assert.Equal(replaced, Assert.Single(await ContainersAsync(scope.Name)).ID);
        Assert.Contains(scope.Sink.Warnings, warning => warning.Contains("left half-made", StringComparison.Ordinal));

        // A container of the same configuration that has run is what this run wanted: it is adopted.
        await fixture.Engine.StartContainerAsync(replaced, Timeout);
        Assert.Equal(replaced, await creator.CreateAsync(request, Timeout));

        // A container of another service keeps its name; the create fails with it.
        var other = request with { Service = TestServices.Sleeper("b") };
        var failure = await Assert.ThrowsAsync<ContainerNameInUseException>(() => creator.CreateAsync(other, Timeout));
        Assert.Equal($"container name \"{scope.Name}-a-1\" is already in use by another container", failure.Message);
    }

    private async Task CreateDuplicateAsync(string projectName) =>
        await fixture.Docker.Networks.CreateNetworkAsync(new NetworksCreateParameters
        {
            Name = projectName + "_default",
            Labels = new Dictionary<string, string> { [ComposeLabels.Project] = projectName, [ComposeLabels.Network] = "default" },
        }, Timeout);

    private async Task<IList<NetworkResponse>> NetworksNamedAsync(string name) =>
        [.. (await fixture.Docker.Networks.ListNetworksAsync(new NetworksListParameters
        {
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["name"] = new Dictionary<string, bool> { [name] = true } },
        }, Timeout)).Where(network => network.Name == name)];

    private async Task<IList<ContainerListResponse>> ContainersAsync(string projectName) =>
        await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={projectName}"] = true } },
        }, Timeout);
}
