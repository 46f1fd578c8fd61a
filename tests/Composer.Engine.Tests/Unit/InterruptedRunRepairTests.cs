using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Observation;
using Composer.Orchestration.Recovery;
using Composer.Planning;

namespace Composer.Engine.Tests.Unit;

public sealed class InterruptedRunRepairTests
{
    [Fact]
    public void The_planners_temporary_names_are_recognised()
    {
        var temporary = ComposeNames.Temporary("0123456789abcdef0123", "proj-web-1");

        Assert.True(InterruptedRunRepair.IsTemporaryNameFor(temporary, "proj-web-1"));
    }

    [Theory]
    [InlineData("proj-web-1")]
    [InlineData("xyz_proj-web-1")]
    [InlineData("0123456789abcdef0_proj-web-1")]
    [InlineData("abc-proj-web-1")]
    [InlineData("other-proj-web-1")]
    public void Other_names_are_not_temporary(string name)
    {
        Assert.False(InterruptedRunRepair.IsTemporaryNameFor(name, "proj-web-1"));
    }

    [Fact]
    public async Task A_replacement_beside_its_original_is_removed()
    {
        var engine = new FakeEngine();
        engine.Containers.Add(Container("old", "p-web-1", "running"));
        engine.Containers.Add(Container("new", ComposeNames.Temporary("0123456789abcdef", "p-web-1"), "created"));

        await RepairAsync(engine);

        Assert.Equal(["remove new"], engine.Calls);
    }

    [Fact]
    public async Task A_replacement_without_its_original_is_renamed_to_the_final_name()
    {
        var engine = new FakeEngine();
        engine.Containers.Add(Container("new", ComposeNames.Temporary("0123456789abcdef", "p-web-1"), "created"));

        await RepairAsync(engine);

        Assert.Equal(["rename new p-web-1"], engine.Calls);
    }

    [Fact]
    public async Task A_created_container_missing_its_network_is_removed_and_a_complete_one_is_kept()
    {
        var engine = new FakeEngine();
        engine.Containers.Add(Container("half", "p-web-1", "created"));
        engine.Inspection = new ContainerInspection { Id = "half", Name = "p-web-1", State = "created" };

        await RepairAsync(engine);
        engine.Inspection = engine.Inspection with { Networks = new Dictionary<string, IReadOnlyList<string>> { ["p_default"] = [] } };
        await RepairAsync(engine);

        Assert.Equal(["remove half"], engine.Calls);
    }

    private static async Task RepairAsync(FakeEngine engine)
    {
        var observed = await ProjectObserver.ObserveAsync(engine, Project(), CancellationToken.None);
        await InterruptedRunRepair.RepairAsync(engine, Project(), observed.Containers, CancellationToken.None);
    }

    private static Project Project() => TestServices.Project("p", TestServices.Sleeper("web")) with
    {
        Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal) { ["default"] = new() { Name = "p_default" } },
    };

    private static ContainerSummary Container(string id, string name, string state) => new()
    {
        Id = id,
        Name = name,
        State = state,
        Labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = "p",
            [ComposeLabels.Service] = "web",
            [ComposeLabels.ContainerNumber] = "1",
        },
    };
}
