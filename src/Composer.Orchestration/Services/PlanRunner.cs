using Composer.Model;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Observation;
using Composer.Orchestration.Readiness;
using Composer.Planning.Observed;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Services;

/// <summary>The loop every verb shares: observe the engine, plan, then (unless a dry run) execute.</summary>
internal sealed class PlanRunner(OrchestrationContext context)
{
    private static readonly TimeSpan FallbackInspectInterval = TimeSpan.FromSeconds(2);

    public async Task<VerbResult> RunAsync(Project project, Func<ObservedState, Plan> makePlan, bool dryRun, CancellationToken cancellationToken)
    {
        var observed = await ProjectObserver.ObserveAsync(context.Engine, project, cancellationToken);
        var plan = makePlan(observed);
        foreach (var warning in plan.Warnings)
        {
            context.Progress.Warn(warning);
        }

        if (dryRun)
        {
            return new VerbResult(plan, Executed: false);
        }

        var runner = new OperationRunner(context.Engine, project, context.Progress, Waiter());
        await new PlanExecutor(runner, context.ParallelLimit).ExecuteAsync(plan, cancellationToken);
        return new VerbResult(plan, Executed: true);
    }

    public DependencyWaiter Waiter() => new(context.Engine, FallbackInspectInterval);
}
