using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>stop</c>: stop running containers, dependents first.</summary>
public sealed class StopService(OrchestrationContext context)
{
    public Task<VerbResult> StopAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken) =>
        new PlanRunner(context).RunAsync(project, observed => Planner.PlanStop(project, observed, options.Services, options.Timeout), options.DryRun, cancellationToken);
}
