using Composer.Model;

namespace Composer.Planning.Tests;

/// <summary>
/// A container made against another service's container (network_mode/ipc/pid of service:x, volumes_from x) is
/// replaced when x's container is, since it holds the old container's id.
/// </summary>
public sealed class SharedNamespacePlanTests
{
    private static Project Stack(string vpnMode) => Projects.Project("net",
        Projects.Service("vpn") with
        {
            Ipc = "shareable",
            Environment = new SortedDictionary<string, string?>(StringComparer.Ordinal) { ["MODE"] = vpnMode },
        },
        Projects.Service("app", "vpn") with { NetworkMode = "service:vpn", Ipc = "service:vpn", Pid = "service:vpn" },
        Projects.Service("tool", "app") with { VolumesFrom = ["app"], NetworkMode = "none" },
        Projects.Service("other", "vpn"));

    [Fact]
    public void Recreating_x_recreates_what_joined_its_namespaces_and_what_took_their_volumes_and_says_why()
    {
        var plan = Planner.PlanUp(Stack("new"), Projects.UpToDate(Stack("old")), new UpPlanOptions());

        Assert.Equal(
            """
            #1 CreateContainer id-vpn-1_net-vpn-1 (configuration changed)
            #2 StopContainer net-vpn-1 <- #1 (configuration changed)
            #3 RemoveContainer net-vpn-1 <- #2 (configuration changed)
            #4 RenameContainer id-vpn-1_net-vpn-1 -> net-vpn-1 <- #3 (configuration changed)
            #5 StartContainer net-vpn-1 <- #4 (configuration changed)
            #6 CreateContainer id-app-1_net-app-1 <- #5 (network_mode: service:vpn recreated, ipc: service:vpn recreated, pid: service:vpn recreated)
            #7 StopContainer net-app-1 <- #6 (network_mode: service:vpn recreated, ipc: service:vpn recreated, pid: service:vpn recreated)
            #8 RemoveContainer net-app-1 <- #7 (network_mode: service:vpn recreated, ipc: service:vpn recreated, pid: service:vpn recreated)
            #9 RenameContainer id-app-1_net-app-1 -> net-app-1 <- #8 (network_mode: service:vpn recreated, ipc: service:vpn recreated, pid: service:vpn recreated)
            #10 WaitForDependency vpn service_started <- #5
            #11 StartContainer net-app-1 <- #9 #10 (network_mode: service:vpn recreated, ipc: service:vpn recreated, pid: service:vpn recreated)
            #12 CreateContainer id-tool-1_net-tool-1 <- #11 (volumes_from: app recreated)
            #13 StopContainer net-tool-1 <- #12 (volumes_from: app recreated)
            #14 RemoveContainer net-tool-1 <- #13 (volumes_from: app recreated)
            #15 RenameContainer id-tool-1_net-tool-1 -> net-tool-1 <- #14 (volumes_from: app recreated)
            #16 WaitForDependency app service_started <- #11
            #17 StartContainer net-tool-1 <- #15 #16 (volumes_from: app recreated)
            """.ReplaceLineEndings("\n"),
            plan.ToString());
    }

    [Fact]
    public void No_recreate_keeps_them_and_an_unchanged_x_leaves_them_alone()
    {
        Assert.True(Planner.PlanUp(Stack("new"), Projects.UpToDate(Stack("old")), new UpPlanOptions { NoRecreate = true }).IsEmpty);
        Assert.True(Planner.PlanUp(Stack("old"), Projects.UpToDate(Stack("old")), new UpPlanOptions()).IsEmpty);
    }
}
