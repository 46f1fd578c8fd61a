using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Services;
using Composer.Planning;
using Composer.Planning.Hashing;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

/// <summary>The states an up killed half-way through a recreate leaves behind, and the next up putting them right.</summary>
[Collection(EngineCollection.Name)]
public sealed class InterruptedRunTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task A_replacement_left_beside_the_old_container_is_removed_and_the_recreate_redone()
    {
        await using var scope = new ProjectScope(fixture, "intr");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var changed = project.With(project.Services["a"] with { Environment = TestServices.Map<string?>(("MODE", "changed")) });
        var old = await fixture.Engine.InspectContainerAsync($"{scope.Name}-a-1", Timeout);
        await CreateReplacementAsync(changed, old!.Id);

        await scope.Up.UpAsync(changed, new UpOptions(), Timeout);

        var container = Assert.Single(await ContainersAsync(scope.Name));
        Assert.Equal($"/{scope.Name}-a-1", container.Names.Single());
        Assert.Equal("running", container.State);
        Assert.Equal(ConfigHash.Compute(changed, changed.Services["a"]), container.Labels[ComposeLabels.ConfigHash]);
    }

    [Fact]
    public async Task A_replacement_whose_old_container_is_gone_takes_the_final_name()
    {
        await using var scope = new ProjectScope(fixture, "intg");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var changed = project.With(project.Services["a"] with { Environment = TestServices.Map<string?>(("MODE", "changed")) });
        var old = await fixture.Engine.InspectContainerAsync($"{scope.Name}-a-1", Timeout);
        var replacement = await CreateReplacementAsync(changed, old!.Id);
        await fixture.Engine.RemoveContainerAsync(old.Id, force: true, removeVolumes: false, Timeout);

        await scope.Up.UpAsync(changed, new UpOptions(), Timeout);

        var container = Assert.Single(await ContainersAsync(scope.Name));
        Assert.Equal(replacement, container.ID);
        Assert.Equal($"/{scope.Name}-a-1", container.Names.Single());
        Assert.Equal("running", container.State);
    }

    [Fact]
    public async Task A_never_started_container_missing_a_network_is_created_again()
    {
        await using var scope = new ProjectScope(fixture, "intn");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"));
        await scope.Up.UpAsync(project, new UpOptions { NoStart = true }, Timeout);
        var created = await fixture.Engine.InspectContainerAsync($"{scope.Name}-a-1", Timeout);
        await fixture.Docker.Networks.DisconnectNetworkAsync($"{scope.Name}_default", new NetworkDisconnectParameters { Container = created!.Id, Force = true }, Timeout);

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var container = Assert.Single(await ContainersAsync(scope.Name));
        Assert.NotEqual(created.Id, container.ID);
        Assert.Equal("running", container.State);
        Assert.Contains($"{scope.Name}_default", container.NetworkSettings.Networks.Keys);
    }

    private async Task<string> CreateReplacementAsync(Project changed, string oldId)
    {
        var service = changed.Services["a"];
        var finalName = ComposeNames.Container(changed, service, 1);
        return await fixture.Engine.CreateContainerAsync(new ContainerRequest
        {
            Project = changed,
            Service = service,
            Name = ComposeNames.Temporary(oldId, finalName),
            Number = 1,
            ConfigHash = ConfigHash.Compute(changed, service),
        }, Timeout);
    }

    private async Task<IList<ContainerListResponse>> ContainersAsync(string projectName) =>
        await fixture.Docker.Containers.ListContainersAsync(new ContainersListParameters
        {
            All = true,
            Filters = new Dictionary<string, IDictionary<string, bool>> { ["label"] = new Dictionary<string, bool> { [$"{ComposeLabels.Project}={projectName}"] = true } },
        }, Timeout);
}
