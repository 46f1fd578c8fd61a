using Composer.Model;
using Composer.Orchestration.Concurrency;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Observation;
using Composer.Orchestration.Readiness;
using Composer.Orchestration.Recovery;
using Composer.Planning.Observed;
using Composer.Planning;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Services;

/// <summary>The loop every verb shares: observe the engine, plan, then (unless a dry run) execute.</summary>
internal sealed class PlanRunner(OrchestrationContext context)
{
    private static readonly TimeSpan FallbackInspectInterval = TimeSpan.FromSeconds(2);

    public async Task<VerbResult> RunAsync(Project project, Func<ObservedState, Plan> makePlan, bool dryRun, CancellationToken cancellationToken) =>
        await RunAsync(project, await ObserveAsync(project, cancellationToken), makePlan, dryRun, cancellationToken);

    /// <summary>As above, from a state the caller has just observed (up observes while images are prepared).</summary>
    public async Task<VerbResult> RunAsync(Project project, ObservedState observed, Func<ObservedState, Plan> makePlan, bool dryRun, CancellationToken cancellationToken)
    {
        var plan = makePlan(observed);
        foreach (var warning in plan.Warnings)
        {
            context.Progress.Warn(warning);
        }

        if (dryRun)
        {
            return new VerbResult(plan, Executed: false);
        }

        await ExecuteAsync(project, plan, cancellationToken);
        return new VerbResult(plan, Executed: true);
    }

    /// <summary>
    /// Runs the provider services' steps of <paramref name="plan"/> (see <see cref="Planner.PlanProviderUp"/>) and
    /// returns the variables each provider set; an empty plan runs nothing.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, ProviderVariables>> RunProvidersAsync(Project project, Plan plan, CancellationToken cancellationToken) =>
        (await ExecuteAsync(project, plan, cancellationToken)).ProviderVariables;

    private async Task<OperationRunner> ExecuteAsync(Project project, Plan plan, CancellationToken cancellationToken)
    {
        var runner = new OperationRunner(context.Engine, project, context.Progress, Waiter(), context.Plugins);
        await new PlanExecutor(runner, context.ParallelLimit).ExecuteAsync(plan, cancellationToken);
        return runner;
    }

    public Task<ObservedState> ObserveAsync(Project project, CancellationToken cancellationToken) =>
        ProjectObserver.ObserveAsync(context.Engine, project, cancellationToken);

    /// <summary>Waits until no other run of this machine changes the project on this engine (see <see cref="ProjectRunLock"/>).</summary>
    public Task<ProjectRunLock> LockAsync(Project project, CancellationToken cancellationToken) =>
        ProjectRunLock.AcquireAsync(context.Engine.Endpoint, project.Name, context.Progress.Warn, cancellationToken);

    /// <summary>
    /// Puts right what killed or racing runs left (duplicate networks, half-done recreates and creates) and returns
    /// the state to plan from: observed again when something was repaired.
    /// </summary>
    public async Task<ObservedState> RepairAsync(Project project, ObservedState observed, CancellationToken cancellationToken)
    {
        var repaired = await DuplicateNetworkRepair.RepairAsync(context.Engine, observed, context.Progress, cancellationToken);
        repaired |= await InterruptedRunRepair.RepairAsync(context.Engine, project, observed.Containers, cancellationToken);
        return repaired ? await ObserveAsync(project, cancellationToken) : observed;
    }

    public DependencyWaiter Waiter() => new(context.Engine, FallbackInspectInterval);
}
