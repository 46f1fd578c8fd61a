using Composer.Model;
using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

/// <summary>Networks and volumes no selected service uses are not created unless --all-resources, as docker compose does.</summary>
public sealed class UnusedResourcePlanTests
{
    // web is on front and mounts nothing; db is on the default network and mounts data; back and cache are unused,
    // and so is the external shared network, which does not even exist.
    private static readonly Project App = Projects.Project("app",
        Projects.Service("db") with { Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }] },
        Projects.Service("web") with { Networks = new SortedDictionary<string, ServiceNetwork?>(StringComparer.Ordinal) { ["front"] = null } }) with
    {
        Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal)
        {
            ["default"] = new() { Name = "app_default" },
            ["front"] = new() { Name = "app_front" },
            ["back"] = new() { Name = "app_back" },
            ["shared"] = new() { Name = "shared", External = true },
        },
        Volumes = new SortedDictionary<string, Volume>(StringComparer.Ordinal)
        {
            ["data"] = new() { Name = "app_data" },
            ["cache"] = new() { Name = "app_cache" },
            ["archive"] = new() { Name = "archive", External = true },
        },
    };

    [Fact]
    public void Only_the_networks_and_volumes_services_use_are_created_and_unused_external_ones_need_not_exist()
    {
        var plan = Planner.PlanUp(App, ObservedState.Empty, new UpPlanOptions());

        Assert.Equal(
            """
            #1 CreateNetwork app_default (missing)
            #2 CreateNetwork app_front (missing)
            #3 CreateVolume app_data (missing)
            #4 CreateContainer app-db-1 <- #1 #3 (scale 0 -> 1)
            #5 StartContainer app-db-1 <- #4 (scale 0 -> 1)
            #6 CreateContainer app-web-1 <- #2 (scale 0 -> 1)
            #7 StartContainer app-web-1 <- #6 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Selected_services_create_only_what_they_and_their_dependencies_use()
    {
        var plan = Planner.PlanUp(App, ObservedState.Empty, new UpPlanOptions { Services = ["web"] });

        Assert.Equal(
            """
            #1 CreateNetwork app_front (missing)
            #2 CreateContainer app-web-1 <- #1 (scale 0 -> 1)
            #3 StartContainer app-web-1 <- #2 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void All_resources_creates_every_declared_one_and_needs_the_external_ones()
    {
        var missingExternal = Assert.Throws<PlanningException>(() => Planner.PlanUp(App, ObservedState.Empty, new UpPlanOptions { AllResources = true }));
        Assert.Equal("network \"shared\" is declared as external, but network \"shared\" does not exist", missingExternal.Message);

        var externalsThere = new ObservedState { Networks = [new ObservedNetwork("n1", "shared", null)], Volumes = [new ObservedVolume("archive", null)] };
        var plan = Planner.PlanUp(App, externalsThere, new UpPlanOptions { AllResources = true });

        Assert.Equal(
            """
            #1 CreateNetwork app_back (missing)
            #2 CreateNetwork app_default (missing)
            #3 CreateNetwork app_front (missing)
            #4 CreateVolume app_cache (missing)
            #5 CreateVolume app_data (missing)
            #6 CreateContainer app-db-1 <- #2 #5 (scale 0 -> 1)
            #7 StartContainer app-db-1 <- #6 (scale 0 -> 1)
            #8 CreateContainer app-web-1 <- #3 (scale 0 -> 1)
            #9 StartContainer app-web-1 <- #8 (scale 0 -> 1)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void Down_removes_every_declared_network_and_volume_the_engine_has_used_or_not()
    {
        var observed = new ObservedState
        {
            Networks = [new ObservedNetwork("n1", "app_default", "default"), new ObservedNetwork("n2", "app_back", "back")],
            Volumes = [new ObservedVolume("app_cache", "cache")],
        };

        var plan = Planner.PlanDown(App, observed, new DownPlanOptions { RemoveVolumes = true });

        Assert.Equal(
            """
            #1 RemoveNetwork app_back
            #2 RemoveNetwork app_default
            #3 RemoveVolume app_cache
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }
}
