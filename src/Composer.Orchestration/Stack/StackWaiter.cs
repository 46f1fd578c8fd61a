using System.Collections.Concurrent;
using System.Diagnostics;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Model.Swarm;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Stack;

/// <summary>
/// Follows a stack's services at once from task listings (one services call and one tasks call per round, for the
/// whole stack), reports each service's "2/3 running" as it changes, and fails as soon as a service cannot converge:
/// a task nobody can place, a task that failed, an update paused or rolled back.
/// </summary>
internal sealed class StackWaiter(ISwarmEngine swarm, IProgressSink progress, string stack, DateTimeOffset since)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly ConcurrentDictionary<string, DateTimeOffset> changed = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> reported = new(StringComparer.Ordinal);
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private IReadOnlyDictionary<string, string> nodes = new Dictionary<string, string>();

    /// <summary>Marks a service (key) as created or updated now, so that only tasks of the new spec count.</summary>
    public void Changed(string service) => changed[service] = DateTimeOffset.UtcNow;

    /// <summary>
    /// Returns when every named service (key) reached its condition: running (healthy where it has a healthcheck), or
    /// completed for jobs and service_completed_successfully. Throws <see cref="StackException"/> on a failure or timeout.
    /// </summary>
    public async Task WaitAsync(IReadOnlyCollection<string> services, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        var deadline = timeout is { } limit ? clock.Elapsed + limit : TimeSpan.MaxValue;
        while (true)
        {
            var listedServices = swarm.ListServicesAsync(stack, cancellationToken);
            var listedTasks = swarm.ListTasksAsync(stack, cancellationToken);
            var byName = (await listedServices).ToDictionary(service => service.Name, StringComparer.Ordinal);
            var tasks = (await listedTasks).ToLookup(task => task.ServiceId, StringComparer.Ordinal);
            var now = DateTimeOffset.UtcNow;
            if (tasks.SelectMany(group => group).Any(task => task.NodeId is { } node && !nodes.ContainsKey(node)))
            {
                nodes = (await swarm.ListNodesAsync(cancellationToken)).ToDictionary(node => node.Id, node => node.Hostname, StringComparer.Ordinal);
            }

            var pending = new List<ServiceConvergence>();
            foreach (var key in services)
            {
                if (!byName.TryGetValue(StackLabels.Scope(stack, key), out var service))
                {
                    throw new StackException($"service {StackLabels.Scope(stack, key)} disappeared while waiting for it");
                }

                var state = ConvergenceRules.Evaluate(key, service, [.. tasks[service.Id]], since,
                    changed.TryGetValue(key, out var at) ? at : null, now, NodeName);
                Report(state);
                if (state.Failure is { } failure)
                {
                    throw new StackException($"service {key}: {failure}");
                }

                if (!state.Converged)
                {
                    pending.Add(state);
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            if (clock.Elapsed >= deadline)
            {
                throw new StackException($"timed out waiting for the stack to converge: {string.Join(", ", pending.Select(state => $"{state.Service} {state.Status}"))}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private string NodeName(string? id) => id is null ? "?" : nodes.TryGetValue(id, out var name) ? name : id;

    private void Report(ServiceConvergence state)
    {
        var status = state.Failure is not null ? "Error" : state.Status;
        var progressState = state.Failure is not null ? ProgressState.Error : state.Converged ? ProgressState.Done : ProgressState.Working;
        var line = progressState + " " + status;
        if (reported.TryGetValue(state.Service, out var last) && last == line)
        {
            return;
        }

        reported[state.Service] = line;
        progress.Report(new ProgressEvent(ResourceKind.Service, state.Service, status, progressState, clock.Elapsed) { Milestone = true });
    }
}
