using System.Runtime.CompilerServices;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Stack;

/// <summary><c>stack logs SERVICE</c>: the output of all the service's tasks, each line named by task slot and node.</summary>
public sealed class StackLogsService(OrchestrationContext context)
{
    public async IAsyncEnumerable<StackLogLine> ReadAsync(string stack, string service, LogRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        var target = (await swarm.ListServicesAsync(stack, cancellationToken)).FirstOrDefault(item => item.Name == StackLabels.Scope(stack, service) || item.Name == service)
            ?? throw new StackException($"no such service in stack {stack}: {service}");
        var key = target.Name.StartsWith(stack + "_", StringComparison.Ordinal) ? target.Name[(stack.Length + 1)..] : target.Name;
        // Task id to slot; null for tasks of the global modes, which the node names.
        var tasks = new Dictionary<string, string?>(StringComparer.Ordinal);
        var nodes = new Dictionary<string, string>(StringComparer.Ordinal);
        async Task RefreshAsync()
        {
            foreach (var node in await swarm.ListNodesAsync(cancellationToken))
            {
                nodes[node.Id] = node.Hostname;
            }

            foreach (var task in (await swarm.ListTasksAsync(stack, cancellationToken)).Where(task => task.ServiceId == target.Id))
            {
                tasks[task.Id] = TaskSlots.Of(target.Mode, task);
            }
        }

        await RefreshAsync();
        await foreach (var line in swarm.ServiceLogsAsync(target.Id, request, cancellationToken))
        {
            if (!tasks.ContainsKey(line.TaskId) || !nodes.ContainsKey(line.NodeId))
            {
                await RefreshAsync();
            }

            // A task the listing no longer has (history trimmed) keeps its id.
            var slot = tasks.TryGetValue(line.TaskId, out var known) ? known : line.TaskId[..Math.Min(12, line.TaskId.Length)];
            var node = nodes.GetValueOrDefault(line.NodeId, line.NodeId);
            yield return new StackLogLine(slot is null ? $"{key}@{node}" : $"{key}.{slot}@{node}", line.Stream == LogStream.Stderr, line.Text);
        }
    }
}
