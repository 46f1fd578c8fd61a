using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>down</c>: stop and remove the project's containers and networks (volumes with -v).</summary>
public sealed class DownService(OrchestrationContext context)
{
    public async Task<VerbResult> DownAsync(Project project, DownOptions options, CancellationToken cancellationToken)
    {
        var planOptions = new DownPlanOptions { RemoveVolumes = options.Volumes, RemoveOrphans = options.RemoveOrphans, IgnoreOrphans = options.IgnoreOrphans, Timeout = options.Timeout, RemoveImages = options.RemoveImages, Services = options.Services };
        var runner = new PlanRunner(context);
        using var runLock = options.DryRun ? null : await runner.LockAsync(project, cancellationToken);
        var observed = await runner.ObserveAsync(project, cancellationToken);
        if (!options.DryRun)
        {
            observed = await runner.RepairAsync(project, observed, cancellationToken);
        }

        return await runner.RunAsync(project, observed, state => Planner.PlanDown(project, state, planOptions), options.DryRun, cancellationToken);
    }
}
