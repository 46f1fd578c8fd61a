using Composer.Model;
using Composer.Planning;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Services;

/// <summary><c>restart</c>: a stop then a start of the same services; the result holds both plans, stop first.</summary>
public sealed class RestartService(OrchestrationContext context)
{
    public async Task<VerbResult> RestartAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken)
    {
        options = options with { Services = WithRestartingDependents(project, options) };
        if (options.DryRun)
        {
            return await PlanAsync(project, options, cancellationToken);
        }

        var stopped = await new StopService(context).StopAsync(project, options, cancellationToken);

        var started = await new StartService(context).StartAsync(project, options, cancellationToken);
        var combined = new Plan
        {
            Operations = [.. stopped.Plan.Operations, .. started.Plan.Operations],
            Warnings = [.. stopped.Plan.Warnings, .. started.Plan.Warnings],
        };
        return new VerbResult(combined, Executed: true);
    }

    // --dry-run: the stop plan, then the start plan made as if those containers had stopped (planned against what the
    // engine has now, a start would find them running and plan nothing).
    private async Task<VerbResult> PlanAsync(Project project, LifecycleOptions options, CancellationToken cancellationToken)
    {
        var runner = new PlanRunner(context);
        var observed = await runner.ObserveAsync(project, cancellationToken);
        var stop = Planner.PlanStop(project, observed, options.Services, options.Timeout);
        var stopping = stop.Operations.Where(operation => operation.Kind == OperationKind.StopContainer)
            .Select(operation => operation.ContainerId ?? operation.Target)
            .ToHashSet(StringComparer.Ordinal);
        var afterStop = observed with
        {
            Containers = [.. observed.Containers.Select(container =>
                stopping.Contains(container.Id) || stopping.Contains(container.Name) ? container with { State = "exited" } : container)],
        };
        var start = Planner.PlanStart(project, afterStop, options.Services);
        foreach (var warning in stop.Warnings.Concat(start.Warnings))
        {
            context.Progress.Warn(warning);
        }

        return new VerbResult(stop.Then(start, [.. stop.Operations.Select(operation => operation.Id)]), Executed: false);
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
