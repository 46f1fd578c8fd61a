using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

/// <summary>--compatibility: container names join their parts with _ as docker compose v1 did (and v2 in that mode).</summary>
public sealed class CompatibilityNamingPlanTests
{
    [Fact]
    public void Containers_are_named_project_service_number_with_underscores_and_scale_on_from_the_highest_number()
    {
        var project = Projects.Project("app", Projects.Service("db"), Projects.Service("web", "db")) with { Compatibility = true };
        var observed = new ObservedState
        {
            Containers = [Projects.Running(project, "db", 1) with { Name = "app_db_1" }],
            Networks = [new ObservedNetwork("n", "app_default", "default")],
        };

        var plan = Planner.PlanUp(project, observed, new UpPlanOptions { Scale = new Dictionary<string, int> { ["db"] = 2 } });

        Assert.Equal(
            """
            #1 CreateContainer app_db_2 (scale 1 -> 2)
            #2 StartContainer app_db_2 <- #1 (scale 1 -> 2)
            #3 CreateContainer app_web_1 (scale 0 -> 1)
            #4 WaitForDependency db service_started <- #2
            #5 StartContainer app_web_1 <- #3 #4 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }
}
