using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>rm</c>: remove stopped service containers (with --stop, stop them first).</summary>
public sealed class RemoveService(OrchestrationContext context)
{
    public Task<VerbResult> RemoveAsync(Project project, RemoveOptions options, CancellationToken cancellationToken) =>
        new PlanRunner(context).RunAsync(
            project,
            observed => Planner.PlanRemove(project, observed, options.Services, options.Stop, options.Volumes, options.Timeout),
            options.DryRun,
            cancellationToken);
}
