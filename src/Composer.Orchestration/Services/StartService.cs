using Composer.Model;
using Composer.Planning;

namespace Composer.Orchestration.Services;

/// <summary><c>start</c>: start existing stopped containers, dependencies first.</summary>
public sealed class StartService(OrchestrationContext context)
{
    public async Task<VerbResult> StartAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken)
    {
        var runner = new PlanRunner(context);
        var result = await runner.RunAsync(project, observed => Planner.PlanStart(project, observed, options.Services), options.DryRun, cancellationToken);
        if (result.Executed && options.Wait)
        {
            var services = options.Services.Count == 0 ? project.Services.Keys.ToList() : options.Services;
            await Readiness.ServiceWait.WaitAsync(context, project, services, new Dictionary<string, int>(StringComparer.Ordinal), options.WaitTimeout, runner.Waiter(), cancellationToken);
        }

        return result;
    }
}
