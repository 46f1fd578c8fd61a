using Composer.Model;
using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

public sealed class UpPlanTests
{
    private static readonly Project WebAndDb = Projects.Project("shop",
        Projects.Service("db") with
        {
            Healthcheck = new Healthcheck { Test = ["CMD-SHELL", "true"] },
            Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }],
        },
        Projects.Service("web") with
        {
            DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal)
            {
                ["db"] = new() { Condition = ServiceDependency.Healthy },
            },
        }) with
    {
        Volumes = new SortedDictionary<string, Volume>(StringComparer.Ordinal) { ["data"] = new() { Name = "shop_data" } },
    };

    [Fact]
    public void Fresh_up_creates_network_and_volume_then_starts_dependency_before_waiting_for_its_health()
    {
        var plan = Planner.PlanUp(WebAndDb, ObservedState.Empty, new UpPlanOptions());

        Assert.Equal(
            """
            #1 CreateNetwork shop_default (missing)
            #2 CreateVolume shop_data (missing)
            #3 CreateContainer shop-db-1 <- #1 #2 (scale 0 -> 1)
            #4 StartContainer shop-db-1 <- #3 (scale 0 -> 1)
            #5 CreateContainer shop-web-1 <- #1 (scale 0 -> 1)
            #6 WaitForDependency db service_healthy <- #4
            #7 StartContainer shop-web-1 <- #5 #6 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Second_up_with_everything_running_and_unchanged_plans_nothing()
    {
        var plan = Planner.PlanUp(WebAndDb, Projects.UpToDate(WebAndDb), new UpPlanOptions());

        Assert.Equal("", plan.ToString());
        Assert.True(plan.IsEmpty);
    }

    [Fact]
    public void Changed_service_is_recreated_under_a_temporary_name_and_only_that_service()
    {
        var changed = WebAndDb with
        {
            Services = new SortedDictionary<string, Service>(WebAndDb.Services.ToDictionary(), StringComparer.Ordinal)
            {
                ["web"] = WebAndDb.Services["web"] with { Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["MODE"] = "fast" } },
            },
        };

        var plan = Planner.PlanUp(changed, Projects.UpToDate(WebAndDb), new UpPlanOptions());

        Assert.Equal(
            """
            #1 CreateContainer id-web-1_shop-web-1 (configuration changed)
            #2 StopContainer shop-web-1 <- #1 (configuration changed)
            #3 RemoveContainer shop-web-1 <- #2 (configuration changed)
            #4 RenameContainer id-web-1_shop-web-1 -> shop-web-1 <- #3 (configuration changed)
            #5 WaitForDependency db service_healthy
            #6 StartContainer shop-web-1 <- #4 #5 (configuration changed)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Changing_only_scale_depends_on_or_profiles_does_not_recreate()
    {
        var changed = WebAndDb with
        {
            Services = new SortedDictionary<string, Service>(WebAndDb.Services.ToDictionary(), StringComparer.Ordinal)
            {
                ["web"] = WebAndDb.Services["web"] with { Profiles = ["front"], DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal), Scale = 1 },
            },
        };

        Assert.Equal("", Planner.PlanUp(changed, Projects.UpToDate(WebAndDb), new UpPlanOptions()).ToString());
    }

    [Fact]
    public void Force_recreate_replaces_unchanged_containers_and_no_recreate_keeps_changed_ones()
    {
        var forced = Planner.PlanUp(WebAndDb, Projects.UpToDate(WebAndDb), new UpPlanOptions { ForceRecreate = true, Services = ["db"] });
        var kept = Planner.PlanUp(WebAndDb, Projects.UpToDate(WebAndDb) with
        {
            Containers = [Projects.Running(WebAndDb, "db", 1, hash: "stale"), Projects.Running(WebAndDb, "web", 1)],
        }, new UpPlanOptions { NoRecreate = true });

        Assert.Equal(
            """
            #1 CreateContainer id-db-1_shop-db-1 (--force-recreate)
            #2 StopContainer shop-db-1 <- #1 (--force-recreate)
            #3 RemoveContainer shop-db-1 <- #2 (--force-recreate)
            #4 RenameContainer id-db-1_shop-db-1 -> shop-db-1 <- #3 (--force-recreate)
            #5 StartContainer shop-db-1 <- #4 (--force-recreate)
            """.ReplaceLineEndings("\n"),
            forced.ToString());
        Assert.Equal("", kept.ToString());
    }

    [Fact]
    public void Scale_up_numbers_new_containers_after_the_highest_existing_one()
    {
        var project = Projects.Project("app", Projects.Service("worker"));
        var observed = Projects.UpToDate(project) with
        {
            Containers = [Projects.Running(project, "worker", 1), Projects.Running(project, "worker", 3)],
        };

        var plan = Planner.PlanUp(project, observed, new UpPlanOptions { Scale = new Dictionary<string, int> { ["worker"] = 4 } });

        Assert.Equal(
            """
            #1 CreateContainer app-worker-4 (scale 2 -> 4)
            #2 CreateContainer app-worker-5 (scale 2 -> 4)
            #3 StartContainer app-worker-4 <- #1 (scale 2 -> 4)
            #4 StartContainer app-worker-5 <- #2 (scale 2 -> 4)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Scale_down_removes_the_highest_numbers_first()
    {
        var project = Projects.Project("app", Projects.Service("worker") with { Scale = 1 });
        var observed = Projects.UpToDate(project) with
        {
            Containers = [Projects.Running(project, "worker", 1), Projects.Running(project, "worker", 2), Projects.Running(project, "worker", 3)],
        };

        var plan = Planner.PlanUp(project, observed, new UpPlanOptions { Timeout = TimeSpan.FromSeconds(2) });

        Assert.Equal(
            """
            #1 StopContainer app-worker-3 timeout=2s (scale 3 -> 1)
            #2 RemoveContainer app-worker-3 <- #1 (scale 3 -> 1)
            #3 StopContainer app-worker-2 timeout=2s (scale 3 -> 1)
            #4 RemoveContainer app-worker-2 <- #3 (scale 3 -> 1)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Stopped_unchanged_container_is_only_started()
    {
        var project = Projects.Project("app", Projects.Service("worker"));
        var observed = Projects.UpToDate(project) with
        {
            Containers = [Projects.Running(project, "worker", 1) with { State = "exited" }],
        };

        Assert.Equal("#1 StartContainer app-worker-1 (not running)", Planner.PlanUp(project, observed, new UpPlanOptions()).ToString());
    }

    [Fact]
    public void Orphans_are_warned_about_and_removed_only_when_asked()
    {
        var project = Projects.Project("app", Projects.Service("api"));
        var observed = Projects.UpToDate(project) with
        {
            Containers = [Projects.Running(project, "api", 1), Projects.Running(project, "legacy", 1, hash: "x")],
        };

        var warned = Planner.PlanUp(project, observed, new UpPlanOptions());
        var removed = Planner.PlanUp(project, observed, new UpPlanOptions { RemoveOrphans = true });

        Assert.Equal(
            "! found orphan containers (app-legacy-1) for this project; remove them with --remove-orphans",
            warned.ToString());
        Assert.Equal(
            """
            #1 StopContainer app-legacy-1 (orphan (--remove-orphans))
            #2 RemoveContainer app-legacy-1 <- #1 (orphan (--remove-orphans))
            """.ReplaceLineEndings("\n"),
            removed.ToString());
    }

    [Fact]
    public void Ignored_orphans_are_not_looked_for_but_remove_orphans_still_removes_them()
    {
        var project = Projects.Project("app", Projects.Service("api"));
        var observed = Projects.UpToDate(project) with
        {
            Containers = [Projects.Running(project, "api", 1), Projects.Running(project, "legacy", 1, hash: "x")],
        };

        var ignored = Planner.PlanUp(project, observed, new UpPlanOptions { IgnoreOrphans = true });
        var removed = Planner.PlanUp(project, observed, new UpPlanOptions { IgnoreOrphans = true, RemoveOrphans = true });

        Assert.True(ignored.IsEmpty && ignored.Warnings.Count == 0, ignored.ToString());
        Assert.Equal(
            """
            #1 StopContainer app-legacy-1 (orphan (--remove-orphans))
            #2 RemoveContainer app-legacy-1 <- #1 (orphan (--remove-orphans))
            """.ReplaceLineEndings("\n"),
            removed.ToString());
    }

    [Fact]
    public void Selected_service_brings_its_dependencies_unless_no_deps()
    {
        var project = Projects.Project("app", Projects.Service("db"), Projects.Service("api", "db"), Projects.Service("web", "api"));

        var withDependencies = Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions { Services = ["api"] });
        var alone = Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions { Services = ["api"], NoDeps = true });

        Assert.Equal(
            """
            #1 CreateNetwork app_default (missing)
            #2 CreateContainer app-db-1 <- #1 (scale 0 -> 1)
            #3 StartContainer app-db-1 <- #2 (scale 0 -> 1)
            #4 CreateContainer app-api-1 <- #1 (scale 0 -> 1)
            #5 WaitForDependency db service_started <- #3
            #6 StartContainer app-api-1 <- #4 #5 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            withDependencies.ToString());
        Assert.Equal(
            """
            #1 CreateNetwork app_default (missing)
            #2 CreateContainer app-api-1 <- #1 (scale 0 -> 1)
            #3 StartContainer app-api-1 <- #2 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            alone.ToString());
    }

    [Fact]
    public void No_start_creates_without_starting()
    {
        var project = Projects.Project("app", Projects.Service("db"), Projects.Service("api", "db"));

        var plan = Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions { NoStart = true });

        Assert.Equal(
            """
            #1 CreateNetwork app_default (missing)
            #2 CreateContainer app-db-1 <- #1 (scale 0 -> 1)
            #3 CreateContainer app-api-1 <- #1 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Unknown_selected_service_is_refused()
    {
        var project = Projects.Project("app", Projects.Service("db"));

        var error = Assert.Throws<PlanningException>(() => Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions { Services = ["nope"] }));

        Assert.Equal("no such service: nope", error.Message);
    }

    [Fact]
    public void Container_name_with_more_than_one_replica_is_refused()
    {
        var project = Projects.Project("app", Projects.Service("db") with { ContainerName = "the-db", Scale = 2 });

        var error = Assert.Throws<PlanningException>(() => Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions()));

        Assert.Contains("container_name \"the-db\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_external_network_is_refused_before_anything_is_created()
    {
        var project = Projects.Project("app", Projects.Service("db")) with
        {
            Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal) { ["default"] = new() { Name = "shared", External = true } },
        };

        var error = Assert.Throws<PlanningException>(() => Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions()));

        Assert.Equal("network \"default\" is declared as external, but network \"shared\" does not exist", error.Message);
    }

    [Fact]
    public void Force_recreate_with_no_recreate_is_refused()
    {
        var project = Projects.Project("app", Projects.Service("db"));

        Assert.Throws<PlanningException>(() => Planner.PlanUp(project, ObservedState.Empty, new UpPlanOptions { ForceRecreate = true, NoRecreate = true }));
    }

    [Fact]
    public void Dependent_with_restart_true_is_restarted_after_its_dependency_is_recreated()
    {
        var project = Projects.Project("app", Projects.Service("db"), Projects.Service("api") with
        {
            DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal) { ["db"] = new() { Restart = true } },
        });
        var observed = Projects.UpToDate(project) with
        {
            Containers = [Projects.Running(project, "db", 1, hash: "stale"), Projects.Running(project, "api", 1)],
        };

        var plan = Planner.PlanUp(project, observed, new UpPlanOptions());

        Assert.Equal(
            """
            #1 CreateContainer id-db-1_app-db-1 (configuration changed)
            #2 StopContainer app-db-1 <- #1 (configuration changed)
            #3 RemoveContainer app-db-1 <- #2 (configuration changed)
            #4 RenameContainer id-db-1_app-db-1 -> app-db-1 <- #3 (configuration changed)
            #5 StartContainer app-db-1 <- #4 (configuration changed)
            #6 StopContainer app-api-1 <- #5 (depends_on.restart: db recreated)
            #7 WaitForDependency db service_started <- #5
            #8 StartContainer app-api-1 <- #6 #7 (depends_on.restart: db recreated)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }
}
