using Composer.Engine.Build;
using Composer.Engine.Validation;
using Composer.Model;
using Composer.Orchestration.Building;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Readiness;
using Composer.Orchestration.Recovery;
using Composer.Planning;
using Composer.Planning.Observed;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Services;

/// <summary><c>up</c>: create what is missing, recreate what changed, start what is stopped.</summary>
public sealed class UpService(OrchestrationContext context)
{
    public async Task<VerbResult> UpAsync(Project project, UpOptions options, CancellationToken cancellationToken)
    {
        project = ImageNames.WithBuiltImageNames(project);
        var selected = options.Services.Count == 0 ? project.Services.Keys.ToList() : SelectedWithDependencies(project, options).ToList();
        ServiceSupportValidator.ThrowIfUnsupported(project, options.Services.Count == 0 ? null : selected);
        var runner = new PlanRunner(context);

        // Pulls and builds change images, never containers, networks or volumes: observing meanwhile takes the
        // engine's answers off a no-op up's critical path.
        var observing = runner.ObserveAsync(project, cancellationToken);
        var imageIds = await new ImagePreparation(context).PrepareAsync(project, selected, options, cancellationToken);

        var planOptions = new UpPlanOptions
        {
            ForceRecreate = options.ForceRecreate,
            NoRecreate = options.NoRecreate,
            NoStart = options.NoStart,
            NoDeps = options.NoDeps,
            RemoveOrphans = options.RemoveOrphans,
            Services = options.Services,
            Scale = options.Scale,
            Timeout = options.Timeout,
            ImageIds = imageIds,
        };
        var observed = await observing;
        if (!options.DryRun && await InterruptedRunRepair.RepairAsync(context.Engine, project, observed.Containers, cancellationToken))
        {
            observed = await runner.ObserveAsync(project, cancellationToken);
        }

        var result = await runner.RunAsync(project, observed, state => Planner.PlanUp(project, state, planOptions), options.DryRun, cancellationToken);
        if (!result.Executed)
        {
            return result;
        }

        ReportUntouchedRunning(observed, selected, result.Plan);
        if (options.Wait && !options.NoStart)
        {
            await WaitForServicesAsync(project, selected, options, runner.Waiter(), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// Containers the plan left alone get a "Running" line, as docker compose prints them: an up with nothing to do
    /// says that every service is running rather than nothing at all.
    /// </summary>
    private void ReportUntouchedRunning(ObservedState observed, IReadOnlyCollection<string> selected, Plan plan)
    {
        var touched = plan.Operations
            .SelectMany(operation => new[] { operation.Target, operation.ContainerId, operation.NewName })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var container in observed.Containers
            .Where(container => !container.IsOneOff && container.State == "running" && container.Service is { } service && selected.Contains(service))
            .Where(container => !touched.Contains(container.Name) && !touched.Contains(container.Id))
            .OrderBy(container => container.Name, StringComparer.Ordinal))
        {
            context.Progress.Report(new ProgressEvent(ResourceKind.Container, container.Name, "Running", ProgressState.Done, TimeSpan.Zero));
        }
    }

    private static IEnumerable<string> SelectedWithDependencies(Project project, UpOptions options) =>
        options.NoDeps
            ? options.Services
            : DependencyGraph.FromServices(project.Services).WithDependencies(options.Services);

    private static async Task WaitForServicesAsync(
        Project project, IReadOnlyList<string> services, UpOptions options, DependencyWaiter waiter, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.WaitTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        // One-shot services (migrations, seeders) that others wait on to complete may exit 0 without failing the wait.
        var oneShots = project.Services.Values
            .SelectMany(service => service.DependsOn)
            .Where(dependency => dependency.Value.Condition == ServiceDependency.CompletedSuccessfully)
            .Select(dependency => dependency.Key)
            .ToHashSet(StringComparer.Ordinal);
        var waits = services
            .Where(name => (options.Scale.TryGetValue(name, out var scale) ? scale : project.Services[name].Scale ?? project.Services[name].Deploy?.Replicas ?? 1) > 0)
            .Select(name =>
            {
                var service = project.Services[name];
                var condition = oneShots.Contains(name) ? ServiceDependency.CompletedSuccessfully
                    : service.Healthcheck is { Disable: false, Test: not null } && service.Healthcheck.Test is not ["NONE"] ? ServiceDependency.Healthy
                    : ReadinessRules.Running;
                return waiter.WaitAsync(project.Name, name, condition, timeout.Token);
            });
        try
        {
            await Task.WhenAll(waits);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new DependencyFailedException($"services were not ready within {options.WaitTimeout?.TotalSeconds}s");
        }
    }
}
