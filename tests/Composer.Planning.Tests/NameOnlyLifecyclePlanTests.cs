using Composer.Model;
using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

/// <summary><c>-p NAME stop|start|...</c> with no compose file: the services come from the containers' labels.</summary>
public sealed class NameOnlyLifecyclePlanTests
{
    private static readonly Project NameOnly = new() { Name = "app", WorkingDirectory = "/srv/app" };
    private static readonly Project Pair = Projects.Project("app", Projects.Service("db"), Projects.Service("api", "db"));

    private static ObservedState Observed(string state) => new()
    {
        Containers =
        [
            Projects.Running(Pair, "db", 1) with { State = state },
            Projects.Running(Pair, "api", 1) is var api ? api with
            {
                State = state,
                Labels = new SortedDictionary<string, string>(api.Labels.ToDictionary(), StringComparer.Ordinal) { [ComposeLabels.DependsOn] = "db:service_started:false" },
            } : null!,
        ],
    };

    [Fact]
    public void Stop_and_start_act_on_the_labelled_containers_in_dependency_order()
    {
        Assert.Equal(
            """
            #1 StopContainer app-api-1
            #2 StopContainer app-db-1 <- #1
            """.ReplaceLineEndings("\n"),
            Planner.PlanStop(NameOnly, Observed("running"), [], null).ToString());
        Assert.Equal(
            """
            #1 StartContainer app-db-1
            #2 StartContainer app-api-1 <- #1
            """.ReplaceLineEndings("\n"),
            Planner.PlanStart(NameOnly, Observed("exited"), []).ToString());
        Assert.Equal("#1 KillContainer app-db-1", Planner.PlanKill(NameOnly, Observed("running"), ["db"], null).ToString());
    }

    [Fact]
    public void A_project_with_no_containers_or_an_unknown_service_is_an_error_not_a_silent_success()
    {
        var none = Assert.Throws<PlanningException>(() => Planner.PlanStop(NameOnly, new ObservedState(), [], null));
        Assert.Equal("no containers found for project \"app\" (and no compose file to read it from)", none.Message);
        var unknown = Assert.Throws<PlanningException>(() => Planner.PlanPause(NameOnly, Observed("running"), ["web"]));
        Assert.Equal("no such service: web", unknown.Message);
    }
}
