namespace Composer.Planning.Tests;

public sealed class LifecyclePlanTests
{
    private static readonly Model.Project Pair = Projects.Project("app", Projects.Service("db"), Projects.Service("api", "db"));

    [Fact]
    public void Stop_goes_in_reverse_dependency_order()
    {
        Assert.Equal(
            """
            #1 StopContainer app-api-1
            #2 StopContainer app-db-1 <- #1
            """.ReplaceLineEndings("\n"),
            Planner.PlanStop(Pair, Projects.UpToDate(Pair), [], null).ToString());
    }

    [Fact]
    public void Start_goes_in_dependency_order_and_skips_running_containers()
    {
        var observed = Projects.UpToDate(Pair) with
        {
            Containers = [Projects.Running(Pair, "db", 1) with { State = "exited" }, Projects.Running(Pair, "api", 1) with { State = "exited" }],
        };

        Assert.Equal(
            """
            #1 StartContainer app-db-1
            #2 StartContainer app-api-1 <- #1
            """.ReplaceLineEndings("\n"),
            Planner.PlanStart(Pair, observed, []).ToString());
        Assert.True(Planner.PlanStart(Pair, Projects.UpToDate(Pair), []).IsEmpty);
    }

    [Fact]
    public void Rm_removes_only_stopped_containers_unless_told_to_stop_them()
    {
        var observed = Projects.UpToDate(Pair) with
        {
            Containers = [Projects.Running(Pair, "db", 1), Projects.Running(Pair, "api", 1) with { State = "exited" }],
        };

        Assert.Equal("#1 RemoveContainer app-api-1", Planner.PlanRemove(Pair, observed, [], stopFirst: false, removeVolumes: false, null).ToString());
        Assert.Equal(
            """
            #1 StopContainer app-db-1
            #2 RemoveContainer app-api-1
            #3 RemoveContainer app-db-1 <- #1
            """.ReplaceLineEndings("\n"),
            Planner.PlanRemove(Pair, observed, [], stopFirst: true, removeVolumes: false, null).ToString());
    }

    [Fact]
    public void Kill_pause_and_unpause_touch_only_containers_in_the_right_state()
    {
        var observed = Projects.UpToDate(Pair) with
        {
            Containers = [Projects.Running(Pair, "db", 1), Projects.Running(Pair, "api", 1) with { State = "paused" }],
        };

        Assert.Equal(
            """
            #1 KillContainer app-api-1 SIGTERM
            #2 KillContainer app-db-1 SIGTERM
            """.ReplaceLineEndings("\n"),
            Planner.PlanKill(Pair, observed, [], "SIGTERM").ToString());
        Assert.Equal("#1 PauseContainer app-db-1", Planner.PlanPause(Pair, observed, []).ToString());
        Assert.Equal("#1 UnpauseContainer app-api-1", Planner.PlanUnpause(Pair, observed, ["api"]).ToString());
    }
}
