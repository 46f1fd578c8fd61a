using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>start</c>: start existing stopped containers, dependencies first.</summary>
public sealed class StartService(OrchestrationContext context)
{
    public Task<VerbResult> StartAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken) =>
        new PlanRunner(context).RunAsync(project, observed => Planner.PlanStart(project, observed, options.Services), options.DryRun, cancellationToken);
}
