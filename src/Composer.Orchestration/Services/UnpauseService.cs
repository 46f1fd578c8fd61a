using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>unpause</c>: thaw paused containers.</summary>
public sealed class UnpauseService(OrchestrationContext context)
{
    public Task<VerbResult> UnpauseAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken) =>
        new PlanRunner(context).RunAsync(project, observed => Planner.PlanUnpause(project, observed, options.Services), options.DryRun, cancellationToken);
}
