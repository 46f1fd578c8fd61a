using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

/// <summary>up when a network's settings in the file no longer match the network the engine has.</summary>
public sealed class NetworkRecreatePlanTests
{
    internal static readonly Network Back = new()
    {
        Name = "app_back",
        Ipam = new Ipam { Config = [new IpamPool { Subnet = "172.31.240.0/24" }] },
    };

    // api and worker are on the back network, web only on the default one.
    private static readonly Project App = Projects.Project("app",
        Projects.Service("api") with { Networks = OnNetworks("back") },
        Projects.Service("web", "api"),
        Projects.Service("worker") with { Networks = OnNetworks("back"), StopGracePeriod = TimeSpan.FromSeconds(3) }) with
    {
        Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal)
        {
            ["default"] = new() { Name = "app_default" },
            ["back"] = Back,
        },
    };

    private static readonly Project MovedSubnet = WithBack(Back with { Ipam = new Ipam { Config = [new IpamPool { Subnet = "172.31.241.0/24" }] } });

    [Fact]
    public void A_modified_network_is_recreated_after_its_containers_are_removed_and_they_come_back_on_it()
    {
        var plan = Planner.PlanUp(MovedSubnet, Observed(App), new UpPlanOptions());

        Assert.Equal(
            """
            #1 StopContainer app-api-1 (network app_back settings changed)
            #2 RemoveContainer app-api-1 <- #1 (network app_back settings changed)
            #3 StopContainer app-worker-1 timeout=3s (network app_back settings changed)
            #4 RemoveContainer app-worker-1 <- #3 (network app_back settings changed)
            #5 RemoveNetwork app_back <- #2 #4 (network app_back settings changed)
            #6 CreateNetwork app_back <- #5 (settings changed)
            #7 CreateContainer app-api-1 <- #2 #6 (its network was recreated)
            #8 StartContainer app-api-1 <- #7 (its network was recreated)
            #9 CreateContainer app-worker-1 <- #4 #6 (its network was recreated)
            #10 StartContainer app-worker-1 <- #9 (its network was recreated)
            ! network "app_back" has been modified, recreating it
            """.ReplaceLineEndings("\n"),
            plan.ToString());
        Assert.Equal(NetworkConfigHash.Compute(MovedSubnet.Networks["back"]), plan.Operations[5].ConfigHash);
    }

    [Fact]
    public void Containers_listed_on_the_network_are_taken_off_even_when_the_file_moved_them_elsewhere()
    {
        var observed = Observed(App);
        var webOnBack = observed with
        {
            Containers = [.. observed.Containers.Select(container => container.Service == "web" ? container with { Networks = ["app_default", "app_back"] } : container)],
        };

        var plan = Planner.PlanUp(MovedSubnet, webOnBack, new UpPlanOptions());

        Assert.Contains("#3 StopContainer app-web-1", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("RemoveNetwork app_back <- #2 #4 #6", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains(plan.Operations, operation => operation.Kind == Plans.OperationKind.CreateContainer && operation.Target == "app-web-1");
    }

    [Fact]
    public void Services_on_the_network_are_recreated_even_when_up_names_other_services()
    {
        var plan = Planner.PlanUp(MovedSubnet, Observed(App), new UpPlanOptions { Services = ["api"], NoDeps = true });

        Assert.Contains(plan.Operations, operation => operation.Kind == Plans.OperationKind.CreateContainer && operation.Target == "app-worker-1");
        Assert.DoesNotContain(plan.Operations, operation => operation.Target == "app-web-1");
    }

    [Fact]
    public void A_dependent_with_restart_follows_a_dependency_recreated_for_its_network()
    {
        var project = MovedSubnet with
        {
            Services = new SortedDictionary<string, Service>(MovedSubnet.Services.ToDictionary(), StringComparer.Ordinal)
            {
                ["web"] = MovedSubnet.Services["web"] with
                {
                    DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal) { ["api"] = new() { Restart = true } },
                },
            },
        };

        var plan = Planner.PlanUp(project, Observed(App), new UpPlanOptions());

        Assert.Contains("StopContainer app-web-1 <- #8", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_network_with_an_unchanged_hash_or_without_one_is_left_alone()
    {
        var unchanged = Planner.PlanUp(App, Observed(App), new UpPlanOptions());
        var adopted = Planner.PlanUp(MovedSubnet, Observed(App, hash: null), new UpPlanOptions());

        Assert.True(unchanged.IsEmpty, unchanged.ToString());
        Assert.True(adopted.IsEmpty, adopted.ToString());
    }

    [Fact]
    public void An_external_network_is_never_recreated()
    {
        var external = WithBack(Back with { External = true, Internal = true });

        var plan = Planner.PlanUp(external, Observed(App), new UpPlanOptions());

        Assert.True(plan.IsEmpty, plan.ToString());
    }

    [Fact]
    public void No_recreate_keeps_the_modified_network_and_says_so()
    {
        var plan = Planner.PlanUp(MovedSubnet, Observed(App), new UpPlanOptions { NoRecreate = true });

        Assert.Equal("! network \"app_back\" has been modified; --no-recreate leaves it as it is", plan.ToString());
    }

    [Fact]
    public void A_running_orphan_on_the_network_stops_the_plan_unless_orphans_are_removed()
    {
        var observed = Observed(App);
        var withOrphan = observed with
        {
            Containers = [.. observed.Containers, Projects.Running(App, "old", 1) with { Networks = ["app_back"] }],
        };

        var error = Assert.Throws<PlanningException>(() => Planner.PlanUp(MovedSubnet, withOrphan, new UpPlanOptions()));
        var plan = Planner.PlanUp(MovedSubnet, withOrphan, new UpPlanOptions { RemoveOrphans = true });

        Assert.Contains("app-old-1", error.Message, StringComparison.Ordinal);
        Assert.Contains("#3 StopContainer app-old-1", plan.ToString(), StringComparison.Ordinal);
        Assert.Contains("RemoveNetwork app_back <- #2 #4 #6", plan.ToString(), StringComparison.Ordinal);
        Assert.Single(plan.Operations, operation => operation.Kind == Plans.OperationKind.RemoveContainer && operation.Target == "app-old-1");
    }

    [Fact]
    public void A_network_created_by_up_carries_its_config_hash()
    {
        var plan = Planner.PlanUp(App, ObservedState.Empty, new UpPlanOptions());

        Assert.Equal(NetworkConfigHash.Compute(Back), plan.Operations.Single(operation => operation.Target == "app_back").ConfigHash);
    }

    private static Project WithBack(Network back) => App with
    {
        Networks = new SortedDictionary<string, Network>(App.Networks.ToDictionary(), StringComparer.Ordinal) { ["back"] = back },
    };

    private static SortedDictionary<string, ServiceNetwork?> OnNetworks(params string[] keys) =>
        new(keys.ToDictionary(key => key, _ => (ServiceNetwork?)null), StringComparer.Ordinal);

    // Everything of the project running as the project was created; hash null stands for a network made by another tool.
    private static ObservedState Observed(Project project, string? hash = "from-file")
    {
        var upToDate = Projects.UpToDate(project);
        return upToDate with
        {
            Containers = [.. upToDate.Containers.Select(container => container with
            {
                Networks = [.. project.Services[container.Service!].Networks.Keys.DefaultIfEmpty("default").Select(key => project.Networks[key].Name)],
            })],
            Networks = [.. project.Networks.Select(pair => new ObservedNetwork("net-" + pair.Value.Name, pair.Value.Name, pair.Key)
            {
                Labels = hash is null
                    ? new SortedDictionary<string, string>(StringComparer.Ordinal)
                    : new SortedDictionary<string, string>(StringComparer.Ordinal) { [ComposeLabels.ConfigHash] = NetworkConfigHash.Compute(pair.Value) },
            })],
        };
    }
}
