using Composer.Model;
using Composer.Orchestration.Observation;

namespace Composer.Orchestration.Readiness;

/// <summary>
/// up --wait and start --wait: every selected service running, healthy when it has a healthcheck, or exited 0 when
/// others wait for it to complete. Past --wait-timeout the error names each service that is not ready and its state.
/// </summary>
internal static class ServiceWait
{
    public static async Task WaitAsync(
        OrchestrationContext context,
        Project project,
        IReadOnlyList<string> services,
        IReadOnlyDictionary<string, int> scale,
        TimeSpan? waitTimeout,
        DependencyWaiter waiter,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (waitTimeout is { } limit)
        {
            timeout.CancelAfter(limit);
        }

        // One-shot services (migrations, seeders) that others wait on to complete may exit 0 without failing the wait.
        var oneShots = project.Services.Values
            .SelectMany(service => service.DependsOn)
            .Where(dependency => dependency.Value.Condition == ServiceDependency.CompletedSuccessfully)
            .Select(dependency => dependency.Key)
            .ToHashSet(StringComparer.Ordinal);
        var ready = new HashSet<string>(StringComparer.Ordinal);
        var waits = services
            .Where(project.Services.ContainsKey)
            .Where(name => (scale.TryGetValue(name, out var count) ? count : project.Services[name].Scale ?? project.Services[name].Deploy?.Replicas ?? 1) > 0)
            .Select(async name =>
            {
                var service = project.Services[name];
                var condition = oneShots.Contains(name) ? ServiceDependency.CompletedSuccessfully
                    : service.Healthcheck is { Disable: false, Test: not null } && service.Healthcheck.Test is not ["NONE"] ? ServiceDependency.Healthy
                    : ReadinessRules.Running;
                await waiter.WaitAsync(project.Name, name, condition, timeout.Token);
                lock (ready)
                {
                    ready.Add(name);
                }
            })
            .ToList();
        try
        {
            await Task.WhenAll(waits);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var notReady = services.Where(project.Services.ContainsKey).Where(name => !ready.Contains(name)).ToList();
            throw new DependencyFailedException(
                $"services not ready within {waitTimeout?.TotalSeconds}s: {await DescribeAsync(context, project.Name, notReady, cancellationToken)}");
        }
    }

    // "db (running, health: starting), worker (exited (1))": what the engine says of each late service's containers.
    private static async Task<string> DescribeAsync(OrchestrationContext context, string projectName, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        var containers = await context.Engine.ListContainersAsync(ProjectObserver.ProjectLabel(projectName), cancellationToken);
        return string.Join(", ", services.Select(service =>
        {
            var states = containers
                .Where(container => container.Labels.GetValueOrDefault(ComposeLabels.Service) == service
                    && container.Labels.GetValueOrDefault(ComposeLabels.OneOff) != "True")
                .OrderBy(container => container.Name, StringComparer.Ordinal)
                .Select(container => container.Health is { Length: > 0 } health ? $"{container.State}, health: {health}" : container.Status.Length > 0 ? container.Status.ToLowerInvariant() : container.State)
                .Distinct(StringComparer.Ordinal)
                .ToList();
            return $"{service} ({(states.Count == 0 ? "no container" : string.Join("; ", states))})";
        }));
    }
}
