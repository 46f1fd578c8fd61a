using Composer.Engine.Tests.Support;
using Composer.Orchestration.Services;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class LifecycleTests(EngineFixture fixture)
{
    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    [Fact]
    public async Task Stop_start_pause_unpause_kill_and_rm_move_containers_through_their_states()
    {
        await using var scope = new ProjectScope(fixture, "life");
        var project = TestServices.Project(scope.Name, TestServices.Sleeper("db"), TestServices.Sleeper("app") with
        {
            DependsOn = TestServices.Map(("db", new Model.ServiceDependency())),
        });
        var context = fixture.Context(scope.Sink);
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var all = new LifecycleOptions();

        await new StopService(context).StopAsync(project, all, Timeout);
        Assert.Equal(["exited", "exited"], await StatesAsync(scope.Name, context));

        await new StartService(context).StartAsync(project, all, Timeout);
        Assert.Equal(["running", "running"], await StatesAsync(scope.Name, context));

        await new PauseService(context).PauseAsync(project, new LifecycleOptions { Services = ["app"] }, Timeout);
        Assert.Equal(["paused", "running"], await StatesAsync(scope.Name, context));

        await new UnpauseService(context).UnpauseAsync(project, all, Timeout);
        await new RestartService(context).RestartAsync(project, new LifecycleOptions { Timeout = TimeSpan.FromSeconds(1) }, Timeout);
        Assert.Equal(["running", "running"], await StatesAsync(scope.Name, context));

        await new KillService(context).KillAsync(project, new LifecycleOptions { Services = ["app"] }, Timeout);
        Assert.Equal(["exited", "running"], await StatesAsync(scope.Name, context));

        await new RemoveService(context).RemoveAsync(project, new RemoveOptions(), Timeout);
        var rows = await new PsService(context).ListAsync(scope.Name, new PsOptions { All = true }, Timeout);
        Assert.Equal(["db"], rows.Select(row => row.Service));

        var projects = await new ListProjectsService(context).ListAsync(all: false, Timeout);
        Assert.Contains(projects, row => row.Name == scope.Name && row.Status == "running(1)");
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    private static async Task<IReadOnlyList<string>> StatesAsync(string project, Orchestration.OrchestrationContext context)
    {
        var rows = await new PsService(context).ListAsync(project, new PsOptions { All = true }, Timeout);
        return [.. rows.Select(row => row.State)];
    }
}
