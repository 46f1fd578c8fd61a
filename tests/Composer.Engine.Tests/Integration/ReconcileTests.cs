using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class ReconcileTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Second_up_changes_nothing()
    {
        await using var scope = new ProjectScope(fixture, "idem");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"), TestServices.Sleeper("b"));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var before = await ContainerIdsAsync(scope.Name);
        scope.Sink.Events.Clear();

        var second = await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        Assert.True(second.Plan.IsEmpty, second.PlanText);
        Assert.Equal(before, await ContainerIdsAsync(scope.Name));
        Assert.Equal(
            [$"{scope.Name}-a-1 Running", $"{scope.Name}-b-1 Running"],
            scope.Sink.Events.Select(progress => $"{progress.Name} {progress.Status}"));
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Only_the_changed_service_is_recreated_and_keeps_its_name()
    {
        await using var scope = new ProjectScope(fixture, "recr");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("a"), TestServices.Sleeper("b"));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var before = await ContainerIdsAsync(scope.Name);
        var changed = project.With(project.Services["a"] with { Environment = TestServices.Map<string?>(("MODE", "changed")) });
        var firstUpEvents = scope.Sink.Events.Count;

        await scope.Up.UpAsync(changed, new UpOptions(), Timeout);

        var after = await ContainerIdsAsync(scope.Name);
        Assert.Equal([$"{scope.Name}-a-1", $"{scope.Name}-b-1"], after.Keys);
        Assert.NotEqual(before[$"{scope.Name}-a-1"], after[$"{scope.Name}-a-1"]);
        Assert.Equal(before[$"{scope.Name}-b-1"], after[$"{scope.Name}-b-1"]);
        var recreated = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-a-1", Timeout);
        Assert.True(recreated.State.Running);
        Assert.Contains("MODE=changed", recreated.Config.Env);
        var secondUpEvents = scope.Sink.Events.Skip(firstUpEvents).ToList();
        Assert.Contains(secondUpEvents, progress => progress.Name == $"{scope.Name}-a-1" && progress.Status == "Recreated");
        // b is untouched: the only line about it says that it is running.
        Assert.Equal(
            [$"{scope.Name}-b-1 Running"],
            secondUpEvents.Where(progress => progress.Name.StartsWith($"{scope.Name}-b", StringComparison.Ordinal)).Select(progress => $"{progress.Name} {progress.Status}"));
        await scope.Down.DownAsync(changed, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Scale_up_adds_numbered_containers_and_scale_down_removes_the_highest()
    {
        await using var scope = new ProjectScope(fixture, "scale");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("worker"));
        var scale = new ScaleService(fixture.Context(scope.Sink));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        await scale.ScaleAsync(project, new ScaleOptions { Scale = new Dictionary<string, int> { ["worker"] = 3 } }, Timeout);
        var scaledUp = await ContainerIdsAsync(scope.Name);
        await scale.ScaleAsync(project, new ScaleOptions { Scale = new Dictionary<string, int> { ["worker"] = 1 } }, Timeout);
        var scaledDown = await ContainerIdsAsync(scope.Name);

        Assert.Equal([$"{scope.Name}-worker-1", $"{scope.Name}-worker-2", $"{scope.Name}-worker-3"], scaledUp.Keys);
        Assert.Equal([$"{scope.Name}-worker-1"], scaledDown.Keys);
        Assert.Equal(scaledUp[$"{scope.Name}-worker-1"], scaledDown[$"{scope.Name}-worker-1"]);
        var rows = await new PsService(fixture.Context(scope.Sink)).ListAsync(scope.Name, new PsOptions(), Timeout);
        Assert.Equal(("worker", 1, "running"), (Assert.Single(rows).Service, rows[0].Number, rows[0].State));
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Orphans_are_warned_about_then_removed_with_remove_orphans()
    {
        await using var scope = new ProjectScope(fixture, "orph");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("keep"), TestServices.Sleeper("old"));
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var smaller = project.Without("old");

        await scope.Up.UpAsync(smaller, new UpOptions(), Timeout);
        var afterWarning = await ContainerIdsAsync(scope.Name);
        await scope.Up.UpAsync(smaller, new UpOptions { RemoveOrphans = true }, Timeout);
        var afterRemoval = await ContainerIdsAsync(scope.Name);

        Assert.Contains(scope.Sink.Warnings, warning => warning.Contains($"{scope.Name}-old-1", StringComparison.Ordinal));
        Assert.Equal([$"{scope.Name}-keep-1", $"{scope.Name}-old-1"], afterWarning.Keys);
        Assert.Equal([$"{scope.Name}-keep-1"], afterRemoval.Keys);
        await scope.Down.DownAsync(smaller, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Dependent_starts_only_after_its_dependency_is_healthy()
    {
        await using var scope = new ProjectScope(fixture, "hlth");
        var db = TestServices.Sleeper("db") with
        {
            Command = ["sh", "-c", "trap 'exit 0' TERM; (sleep 2; touch /tmp/ready) & sleep 3600 & wait"],
            Healthcheck = new Healthcheck { Test = ["CMD-SHELL", "test -f /tmp/ready"], Interval = TimeSpan.FromMilliseconds(500), Retries = 20 },
        };
        var web = TestServices.Sleeper("web") with
        {
            DependsOn = TestServices.Map(("db", new ServiceDependency { Condition = ServiceDependency.Healthy })),
        };
        var project = TestServices.Project(scope.Name, db, web);

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var dbState = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-db-1", Timeout);
        var webState = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-web-1", Timeout);
        var firstHealthy = dbState.State.Health.Log.Where(entry => entry.ExitCode == 0).Min(entry => entry.End);
        Assert.Equal("healthy", dbState.State.Health.Status);
        Assert.True(DateTime.Parse(webState.State.StartedAt, System.Globalization.CultureInfo.InvariantCulture).ToUniversalTime() >= firstHealthy.ToUniversalTime(),
            $"web started {webState.State.StartedAt}, db first healthy {firstHealthy:O}");
        Assert.Contains(scope.Sink.Events, progress => progress.Name == "db" && progress.Status == "Healthy");
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Unhealthy_dependency_fails_up_with_its_last_health_output()
    {
        await using var scope = new ProjectScope(fixture, "sick");
        var db = TestServices.Sleeper("db") with
        {
            Healthcheck = new Healthcheck { Test = ["CMD-SHELL", "echo still booting; exit 1"], Interval = TimeSpan.FromMilliseconds(300), Retries = 1 },
        };
        var web = TestServices.Sleeper("web") with
        {
            DependsOn = TestServices.Map(("db", new ServiceDependency { Condition = ServiceDependency.Healthy })),
        };
        var project = TestServices.Project(scope.Name, db, web);

        var error = await Assert.ThrowsAsync<PlanExecutionException>(() => scope.Up.UpAsync(project, new UpOptions(), Timeout));

        Assert.Equal("db is unhealthy: still booting", error.Message);
        var webState = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-web-1", Timeout);
        Assert.Equal("created", webState.State.Status);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Completed_successfully_waits_for_a_zero_exit()
    {
        await using var scope = new ProjectScope(fixture, "done");
        var migrate = new Service { Name = "migrate", Image = "busybox:latest", Command = ["sh", "-c", "sleep 1; exit 0"] };
        var app = TestServices.Sleeper("app") with
        {
            DependsOn = TestServices.Map(("migrate", new ServiceDependency { Condition = ServiceDependency.CompletedSuccessfully })),
        };
        var project = TestServices.Project(scope.Name, migrate, app);

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);

        var migrated = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-migrate-1", Timeout);
        Assert.Equal(("exited", 0L), (migrated.State.Status, migrated.State.ExitCode));
        Assert.True((await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-app-1", Timeout)).State.Running);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    private async Task<SortedDictionary<string, string>> ContainerIdsAsync(string project)
    {
        var containers = await fixture.Docker.Containers.ListContainersAsync(
            new ContainersListParameters { All = true, Filters = UpDownTests.ProjectFilter(project) }, Timeout);
        return new SortedDictionary<string, string>(
            containers.ToDictionary(container => container.Names[0].TrimStart('/'), container => container.ID), StringComparer.Ordinal);
    }
}
