using System.Diagnostics;
using Composer.Model;
using Composer.Model.Swarm;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Stack;

/// <summary><c>stack scale</c> and <c>stack rollback</c>: one call per service, then (unless detached) waiting for the result.</summary>
public sealed class StackServiceControl(OrchestrationContext context)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>Sets replicas only; services are keys of the stack (web) or full service names (shop_web).</summary>
    public async Task ScaleAsync(string stack, IReadOnlyDictionary<string, int> replicas, bool wait, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        var since = DateTimeOffset.UtcNow.AddSeconds(-1);
        var services = await swarm.ListServicesAsync(stack, cancellationToken);
        var targets = replicas.Select(pair => (Key: KeyOf(stack, pair.Key), Service: Find(stack, services, pair.Key), Count: pair.Value)).ToList();
        foreach (var (key, service, _) in targets)
        {
            if (service.Mode is SwarmModes.Global or SwarmModes.GlobalJob)
            {
                throw new StackException($"service {key} is global: only replicated services can be scaled");
            }
        }

        await Task.WhenAll(targets.Select(async target =>
        {
            var clock = Stopwatch.StartNew();
            context.Progress.Report(new ProgressEvent(ResourceKind.Service, target.Key, "Scaling", ProgressState.Working, TimeSpan.Zero));
            await swarm.ScaleServiceAsync(target.Service.Id, (ulong)target.Count, cancellationToken);
            context.Progress.Report(new ProgressEvent(ResourceKind.Service, target.Key, $"Scaled to {target.Count}", ProgressState.Done, clock.Elapsed));
        }));
        if (wait)
        {
            await new StackWaiter(swarm, context.Progress, stack, since).WaitAsync([.. targets.Select(target => target.Key)], timeout, cancellationToken);
        }
    }

    /// <summary>Goes back to the service's previous spec and waits for the rollback to complete (or pause).</summary>
    public async Task RollbackAsync(string stack, string service, bool wait, CancellationToken cancellationToken)
    {
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        var target = Find(stack, await swarm.ListServicesAsync(stack, cancellationToken), service);
        var key = KeyOf(stack, service);
        var clock = Stopwatch.StartNew();
        var sent = DateTimeOffset.UtcNow.AddSeconds(-1);
        context.Progress.Report(new ProgressEvent(ResourceKind.Service, key, "Rolling back", ProgressState.Working, TimeSpan.Zero) { Milestone = true });
        await swarm.RollbackServiceAsync(target.Id, cancellationToken);
        while (wait)
        {
            var current = (await swarm.ListServicesAsync(stack, cancellationToken)).FirstOrDefault(item => item.Id == target.Id)
                ?? throw new StackException($"service {target.Name} disappeared during its rollback");
            var started = current.UpdateStartedAt >= sent;
            if (started && current.UpdateState == "rollback_completed" || (!started && clock.Elapsed > TimeSpan.FromSeconds(3)))
            {
                break;
            }

            if (started && current.UpdateState == "rollback_paused")
            {
                throw new StackException($"rollback of {target.Name} paused: {current.UpdateMessage}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        context.Progress.Report(new ProgressEvent(ResourceKind.Service, key, "Rolled back", ProgressState.Done, clock.Elapsed));
    }

    private static string KeyOf(string stack, string service) =>
        service.StartsWith(stack + "_", StringComparison.Ordinal) ? service[(stack.Length + 1)..] : service;

    private static SwarmServiceState Find(string stack, IReadOnlyList<SwarmServiceState> services, string service) =>
        services.FirstOrDefault(item => item.Name == StackLabels.Scope(stack, service))
        ?? services.FirstOrDefault(item => item.Name == service)
        ?? throw new StackException($"no such service in stack {stack}: {service}");
}
