using Composer.Model;
using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

public sealed class DownPlanTests
{
    private static readonly Project ThreeTier = Projects.Project("app",
        Projects.Service("db"), Projects.Service("api", "db"), Projects.Service("web", "api")) with
    {
        Volumes = new SortedDictionary<string, Volume>(StringComparer.Ordinal) { ["data"] = new() { Name = "app_data" } },
    };

    [Fact]
    public void Down_stops_dependents_before_dependencies_then_removes_containers_and_networks()
    {
        var plan = Planner.PlanDown(ThreeTier, Projects.UpToDate(ThreeTier), new DownPlanOptions());

        Assert.Equal(
            """
            #1 StopContainer app-web-1
            #2 StopContainer app-api-1 <- #1
            #3 StopContainer app-db-1 <- #1 #2
            #4 RemoveContainer app-web-1 <- #1
            #5 RemoveContainer app-api-1 <- #2
            #6 RemoveContainer app-db-1 <- #3
            #7 RemoveNetwork app_default <- #4 #5 #6
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Down_with_volumes_removes_named_and_anonymous_volumes()
    {
        var observed = Projects.UpToDate(ThreeTier) with
        {
            Containers = [Projects.Running(ThreeTier, "db", 1) with { State = "exited" }],
        };

        var plan = Planner.PlanDown(ThreeTier, observed, new DownPlanOptions { RemoveVolumes = true });

        Assert.Equal(
            """
            #1 RemoveContainer app-db-1 with-volumes
            #2 RemoveNetwork app_default <- #1
            #3 RemoveVolume app_data <- #1
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Down_with_ignored_orphans_leaves_them_without_a_warning_and_remove_orphans_still_removes_them()
    {
        var observed = Projects.UpToDate(ThreeTier) with
        {
            Containers = [Projects.Running(ThreeTier, "db", 1), Projects.Running(ThreeTier, "old", 1, hash: "x")],
        };

        var ignored = Planner.PlanDown(ThreeTier, observed, new DownPlanOptions { IgnoreOrphans = true });
        var removed = Planner.PlanDown(ThreeTier, observed, new DownPlanOptions { IgnoreOrphans = true, RemoveOrphans = true });

        Assert.Empty(ignored.Warnings);
        Assert.DoesNotContain("app-old-1", ignored.ToString(), StringComparison.Ordinal);
        Assert.Contains("#3 RemoveContainer app-old-1 <- #1", removed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Down_leaves_orphans_with_a_warning_unless_asked_to_remove_them()
    {
        var observed = Projects.UpToDate(ThreeTier) with
        {
            Containers = [Projects.Running(ThreeTier, "db", 1), Projects.Running(ThreeTier, "old", 1, hash: "x")],
        };

        var kept = Planner.PlanDown(ThreeTier, observed, new DownPlanOptions { Timeout = TimeSpan.FromSeconds(1) });
        var removed = Planner.PlanDown(ThreeTier, observed, new DownPlanOptions { RemoveOrphans = true });

        Assert.Equal(
            """
            #1 StopContainer app-db-1 timeout=1s
            #2 RemoveContainer app-db-1 <- #1
            #3 RemoveNetwork app_default <- #2
            ! found orphan containers (app-old-1) for this project; remove them with --remove-orphans
            """.ReplaceLineEndings("\n"),
            kept.ToString());
        Assert.Equal(
            """
            #1 StopContainer app-old-1
            #2 StopContainer app-db-1
            #3 RemoveContainer app-old-1 <- #1
            #4 RemoveContainer app-db-1 <- #2
            #5 RemoveNetwork app_default <- #3 #4
            """.ReplaceLineEndings("\n"),
            removed.ToString());
    }

    [Fact]
    public void Down_with_nothing_running_plans_nothing()
    {
        Assert.True(Planner.PlanDown(ThreeTier, ObservedState.Empty, new DownPlanOptions { RemoveVolumes = true }).IsEmpty);
    }

    [Fact]
    public void Down_of_a_project_known_only_by_name_removes_everything_labelled_with_it()
    {
        var nameOnly = new Project { Name = "app", WorkingDirectory = "/" };
        var observed = Projects.UpToDate(ThreeTier) with
        {
            Networks = [new ObservedNetwork("n1", "app_default", "default"), new ObservedNetwork("n2", "shared", null)],
            Volumes = [new ObservedVolume("app_data", "data")],
        };

        var plan = Planner.PlanDown(nameOnly, observed, new DownPlanOptions { RemoveVolumes = true });

        Assert.Equal(
            """
            #1 StopContainer app-api-1
            #2 StopContainer app-db-1
            #3 StopContainer app-web-1
            #4 RemoveContainer app-api-1 with-volumes <- #1
            #5 RemoveContainer app-db-1 with-volumes <- #2
            #6 RemoveContainer app-web-1 with-volumes <- #3
            #7 RemoveNetwork app_default <- #4 #5 #6
            #8 RemoveVolume app_data <- #4 #5 #6
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }
}
