using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Readiness;
using Composer.Planning.Plans;

namespace Composer.Engine.Tests.Unit;

public sealed class PlanExecutorTests
{
    private static Operation Start(int id, params int[] after) =>
        new() { Id = id, Kind = OperationKind.StartContainer, Target = $"c{id}", DependsOn = after };

    private static PlanExecutor Executor(FakeEngine engine, int limit, RecordingProgressSink? sink = null) =>
        new(new OperationRunner(engine, TestServices.Project("p"), sink ?? new RecordingProgressSink(), new DependencyWaiter(engine, TimeSpan.FromSeconds(1))), limit);

    [Fact]
    public async Task Independent_operations_run_in_parallel_up_to_the_limit()
    {
        var engine = new FakeEngine();
        var plan = new Plan { Operations = [Start(1), Start(2), Start(3), Start(4), Start(5)] };

        var execution = Executor(engine, limit: 2).ExecuteAsync(plan, CancellationToken.None);
        await engine.TwoRunning.Task.WaitAsync(TimeSpan.FromSeconds(10));
        engine.Gate.SetResult();
        await execution;

        Assert.Equal(2, engine.MaxRunning);
        Assert.Equal(5, engine.Calls.Count);
    }

    [Fact]
    public async Task Operations_wait_for_their_dependencies()
    {
        var engine = new FakeEngine();
        engine.Gate.SetResult();
        var plan = new Plan { Operations = [Start(1), Start(2, 1), Start(3, 2)] };

        await Executor(engine, limit: 8).ExecuteAsync(plan, CancellationToken.None);

        Assert.Equal(["start c1", "start c2", "start c3"], engine.Calls);
    }

    [Fact]
    public async Task After_a_failure_dependents_never_run_and_the_failure_is_reported_with_progress()
    {
        var engine = new FakeEngine { StartFailure = name => name == "c1" ? new EngineException("port 127.0.0.1:80 is already in use") : null };
        engine.Gate.SetResult();
        var sink = new RecordingProgressSink();
        var plan = new Plan { Operations = [Start(1), Start(2, 1)] };

        var error = await Assert.ThrowsAsync<PlanExecutionException>(() => Executor(engine, limit: 1, sink).ExecuteAsync(plan, CancellationToken.None));

        Assert.Equal("port 127.0.0.1:80 is already in use", error.Message);
        Assert.Equal(["start c1"], engine.Calls);
        Assert.Equal(["Starting", "Error"], sink.Events.Select(progress => progress.Status));
    }
}
