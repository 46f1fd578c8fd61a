using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>pause</c>: freeze running containers.</summary>
public sealed class PauseService(OrchestrationContext context)
{
    public Task<VerbResult> PauseAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken) =>
        new PlanRunner(context).RunAsync(project, observed => Planner.PlanPause(project, observed, options.Services), options.DryRun, cancellationToken);
}
