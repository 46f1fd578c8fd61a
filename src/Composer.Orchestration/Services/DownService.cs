using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>down</c>: stop and remove the project's containers and networks (volumes with -v).</summary>
public sealed class DownService(OrchestrationContext context)
{
    public Task<VerbResult> DownAsync(Project project, DownOptions options, CancellationToken cancellationToken)
    {
        var planOptions = new DownPlanOptions { RemoveVolumes = options.Volumes, RemoveOrphans = options.RemoveOrphans, Timeout = options.Timeout, RemoveImages = options.RemoveImages, Services = options.Services };
        return new PlanRunner(context).RunAsync(project, observed => Planner.PlanDown(project, observed, planOptions), options.DryRun, cancellationToken);
    }
}
