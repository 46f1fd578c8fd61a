using Composer.Model;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Services;

/// <summary><c>restart</c>: a stop then a start of the same services; the result holds both plans, stop first.</summary>
public sealed class RestartService(OrchestrationContext context)
{
    public async Task<VerbResult> RestartAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken)
    {
        options = options with { Services = WithRestartingDependents(project, options) };
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

    // As docker compose: restarting a service also restarts those that depend on it with `restart: true`
    // (transitively), unless --no-deps.
    private static IReadOnlyList<string> WithRestartingDependents(Project project, LifecycleOptions options)
    {
        if (options.NoDeps || options.Services.Count == 0)
        {
            return options.Services;
        }

        var result = new SortedSet<string>(options.Services, StringComparer.Ordinal);
        var added = true;
        while (added)
        {
            added = false;
            foreach (var service in project.Services.Values.Where(service => !result.Contains(service.Name)))
            {
                if (service.DependsOn.Any(dependency => dependency.Value.Restart && result.Contains(dependency.Key)))
                {
                    result.Add(service.Name);
                    added = true;
                }
            }
        }

        return [.. result];
    }
}
