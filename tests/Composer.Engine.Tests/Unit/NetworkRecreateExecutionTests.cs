using Composer.Engine.Contracts;
using Composer.Engine.DockerApi;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Interactive;
using Composer.Orchestration.Readiness;
using Composer.Planning;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;

namespace Composer.Engine.Tests.Unit;

/// <summary>The executor carries out a network recreate in the order the plan gives, with the label the plan computed.</summary>
public sealed class NetworkRecreateExecutionTests
{
    private static readonly Network Back = new() { Name = "p_back", Internal = true };

    [Fact]
    public void A_created_network_is_labelled_with_its_config_hash_next_to_the_project_labels()
    {
        var parameters = NetworkSpecTranslator.Translate(new NetworkRequest("p", "back", Back) { ConfigHash = "abc" });
        var unhashed = NetworkSpecTranslator.Translate(new NetworkRequest("p", "back", Back));

        Assert.Equal("abc", parameters.Labels[ComposeLabels.ConfigHash]);
        Assert.Equal("back", parameters.Labels[ComposeLabels.Network]);
        Assert.Equal("p", parameters.Labels[ComposeLabels.Project]);
        Assert.False(unhashed.Labels.ContainsKey(ComposeLabels.ConfigHash));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, null)]
    [InlineData(null, null)]
    public void Enable_ipv4_is_sent_only_when_false_as_older_engines_reject_the_field(bool? enableIpv4, bool? sent)
    {
        var parameters = NetworkSpecTranslator.Translate(new NetworkRequest("p", "back", Back with { EnableIpv4 = enableIpv4 }));

        Assert.Equal(sent, parameters.EnableIPv4);
    }

    [Fact]
    public async Task Containers_leave_before_the_network_is_removed_and_come_back_after_it_is_created()
    {
        var project = TestServices.Project("p", TestServices.Sleeper("api") with
        {
            Networks = TestServices.Map<ServiceNetwork?>(("back", null)),
        }) with
        {
            Networks = TestServices.Map(("default", new Network { Name = "p_default" }), ("back", Back)),
        };
        var observed = new ObservedState
        {
            Containers =
            [
                new ObservedContainer
                {
                    Id = "old-api", Name = "p-api-1", Networks = ["p_back"],
                    Labels = TestServices.Map((ComposeLabels.Project, "p"), (ComposeLabels.Service, "api"), (ComposeLabels.ContainerNumber, "1")),
                },
            ],
            Networks = [new ObservedNetwork("n1", "p_default", "default"), new ObservedNetwork("n2", "p_back", "back")
            {
                Labels = TestServices.Map((ComposeLabels.ConfigHash, "settings-before")),
            }],
        };
        var plan = Planner.PlanUp(project, observed, new UpPlanOptions());
        var engine = new FakeEngine();
        engine.Gate.SetResult();
        var runner = new OperationRunner(engine, project, new RecordingProgressSink(), new DependencyWaiter(engine, TimeSpan.FromSeconds(1)));

        await new PlanExecutor(runner, parallelLimit: 4).ExecuteAsync(plan, CancellationToken.None);

        Assert.Equal(
            ["stop old-api", "remove old-api", "remove network p_back", $"create network p_back hash={NetworkConfigHash.Compute(Back)}", "create p-api-1", "start p-api-1"],
            engine.Calls);
    }

    [Fact]
    public async Task Run_creates_a_missing_network_with_the_same_config_hash_label_as_up()
    {
        var service = TestServices.Sleeper("api") with { Networks = TestServices.Map<ServiceNetwork?>(("back", null)) };
        var project = TestServices.Project("p", service) with { Networks = TestServices.Map(("back", Back)) };
        var engine = new FakeEngine();

        await ProjectResources.EnsureAsync(engine, project, service, CancellationToken.None);

        Assert.Equal([$"create network p_back hash={NetworkConfigHash.Compute(Back)}"], engine.Calls);
    }
}
