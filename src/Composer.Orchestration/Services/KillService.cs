using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>kill</c>: send a signal (SIGKILL by default) to running containers.</summary>
public sealed class KillService(OrchestrationContext context)
{
    public Task<VerbResult> KillAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken) =>
        new PlanRunner(context).RunAsync(project, observed => Planner.PlanKill(project, observed, options.Services, options.Signal, options.RemoveOrphans), options.DryRun, cancellationToken);
}
