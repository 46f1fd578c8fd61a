using Composer.Model;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Services;

/// <summary><c>restart</c>: a stop then a start of the same services; the result holds both plans, stop first.</summary>
public sealed class RestartService(OrchestrationContext context)
{
    public async Task<VerbResult> RestartAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken)
    {
        var stopped = await new StopService(context).StopAsync(project, options, cancellationToken);
        if (options.DryRun)
        {
            return stopped;
        }

        var started = await new StartService(context).StartAsync(project, options, cancellationToken);
        var combined = new Plan
        {
            Operations = [.. stopped.Plan.Operations, .. started.Plan.Operations],
            Warnings = [.. stopped.Plan.Warnings, .. started.Plan.Warnings],
        };
        return new VerbResult(combined, Executed: true);
    }
}
