using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

/// <summary>up when a volume's definition in the file no longer matches the volume the engine has.</summary>
public sealed class VolumeRecreatePlanTests
{
    private static readonly Volume Data = new() { Name = "app_data" };

    // db mounts the data volume; web does not and depends on db.
    private static readonly Project App = Projects.Project("app",
        Projects.Service("db") with { Volumes = [new ServiceVolume { Type = "volume", Source = "data", Target = "/data" }], StopGracePeriod = TimeSpan.FromSeconds(2) },
        Projects.Service("web", "db")) with
    {
        Volumes = new SortedDictionary<string, Volume>(StringComparer.Ordinal) { ["data"] = Data },
    };

    private static readonly Project Resized = App with
    {
        Volumes = new SortedDictionary<string, Volume>(StringComparer.Ordinal)
        {
            ["data"] = Data with { DriverOpts = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["size"] = "1g" } },
        },
    };

    [Fact]
    public void A_changed_volume_is_reported_and_kept_without_yes()
    {
        var plan = Planner.PlanUp(Resized, Observed(App), new UpPlanOptions());

        Assert.Equal(
            "! volume \"app_data\" exists but doesn't match configuration in compose file (driver_opts.size changed); "
            + "kept as it is, recreate it with --yes (data will be lost)",
            plan.ToString());
    }

    [Fact]
    public void With_yes_the_volume_is_recreated_after_the_containers_mounting_it_are_removed_and_they_come_back_on_it()
    {
        var plan = Planner.PlanUp(Resized, Observed(App), new UpPlanOptions { RecreateVolumes = new HashSet<string> { "data" } });

        Assert.Equal(
            """
            #1 StopContainer app-db-1 timeout=2s (volume app_data changed)
            #2 RemoveContainer app-db-1 <- #1 (volume app_data changed)
            #3 RemoveVolume app_data <- #2 (volume app_data changed: driver_opts.size changed)
            #4 CreateVolume app_data <- #3 (driver_opts.size changed)
            #5 CreateContainer app-db-1 <- #2 #4 (its volume was recreated)
            #6 StartContainer app-db-1 <- #5 (its volume was recreated)
            ! volume "app_data" doesn't match configuration in compose file (driver_opts.size changed), recreating it (data will be lost)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
        Assert.Equal(VolumeConfigHash.Compute(Resized.Volumes["data"]), plan.Operations[3].ConfigHash);
    }

    [Fact]
    public void A_volume_with_an_unchanged_hash_or_none_is_left_alone_and_a_new_one_gets_the_hash()
    {
        var unchanged = Planner.PlanUp(App, Observed(App), new UpPlanOptions());
        var adopted = Planner.PlanUp(Resized, Projects.UpToDate(App), new UpPlanOptions { RecreateVolumes = new HashSet<string> { "data" } });
        var created = Planner.PlanUp(Resized, ObservedState.Empty, new UpPlanOptions());

        Assert.True(unchanged.IsEmpty && unchanged.Warnings.Count == 0, unchanged.ToString());
        Assert.True(adopted.IsEmpty && adopted.Warnings.Count == 0, adopted.ToString());
        var create = Assert.Single(created.Operations, operation => operation.Kind == Plans.OperationKind.CreateVolume);
        Assert.Equal(VolumeConfigHash.Compute(Resized.Volumes["data"]), create.ConfigHash);
    }

    [Fact]
    public void No_recreate_keeps_the_changed_volume_even_with_yes()
    {
        var plan = Planner.PlanUp(Resized, Observed(App), new UpPlanOptions { NoRecreate = true, RecreateVolumes = new HashSet<string> { "data" } });

        Assert.Equal("! volume \"app_data\" exists but doesn't match configuration in compose file (driver_opts.size changed); --no-recreate keeps it as it is", plan.ToString());
    }

    [Fact]
    public void The_change_names_driver_options_and_labels_and_ignores_the_tools_own_labels()
    {
        var existing = new ObservedVolume("app_data", "data")
        {
            Options = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["size"] = "1g" },
            Labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
            {
                [ComposeLabels.Project] = "app", [ComposeLabels.ConfigHash] = "x", ["tier"] = "db",
            },
        };
        var desired = Data with
        {
            Driver = "nfs",
            DriverOpts = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["size"] = "2g" },
        };

        Assert.Equal("driver, driver_opts.size and labels.tier changed", VolumeChanges.Describe(desired, existing));
    }

    // Everything of the project running, its volume created from App's definition (with docker compose's hash label).
    private static ObservedState Observed(Project project) => Projects.UpToDate(project) with
    {
        Volumes = [.. project.Volumes.Values.Select(volume => new ObservedVolume(volume.Name, null)
        {
            Options = volume.DriverOpts,
            Labels = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ComposeLabels.ConfigHash] = VolumeConfigHash.Compute(volume) },
        })],
    };
}
