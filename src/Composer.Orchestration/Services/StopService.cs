using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>stop</c>: stop running containers, dependents first, then provider services whose tool has a stop.</summary>
public sealed class StopService(OrchestrationContext context)
{
    public Task<VerbResult> StopAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken) =>
        new PlanRunner(context).RunAsync(project, observed => Planner.PlanStop(project, observed, options.Services, options.Timeout, providers: true), options.DryRun, cancellationToken);
}
