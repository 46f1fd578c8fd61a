using Composer.Model;
using Composer.Model.Swarm;

namespace Composer.Orchestration.Stack;

/// <summary><c>stack ls</c>, <c>stack services</c> and <c>stack ps</c>: what the swarm holds for stacks, by the namespace label.</summary>
public sealed class StackQueryService(OrchestrationContext context)
{
    /// <summary>Stack names and their service counts, by name.</summary>
    public async Task<IReadOnlyList<(string Name, int Services)>> ListAsync(CancellationToken cancellationToken)
    {
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        var services = await swarm.ListServicesAsync(null, cancellationToken);
        return [.. services.GroupBy(service => service.Labels.GetValueOrDefault(StackLabels.Namespace) ?? "")
            .Where(group => group.Key.Length > 0)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => (group.Key, group.Count()))];
    }

    public async Task<IReadOnlyList<StackServiceRow>> ServicesAsync(string stack, CancellationToken cancellationToken)
    {
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        var services = await swarm.ListServicesAsync(stack, cancellationToken);
        if (services.Count == 0)
        {
            throw new StackException($"nothing found in stack: {stack}");
        }

        return [.. services.OrderBy(service => service.Name, StringComparer.Ordinal).Select(service => new StackServiceRow(
            service.Id,
            service.Name,
            service.Mode,
            SwarmModes.IsJob(service.Mode) ? $"{service.RunningTasks}/{service.DesiredTasks} (job)" : $"{service.RunningTasks}/{service.DesiredTasks}",
            service.Image.Split('@')[0],
            string.Join(", ", service.Ports.Select(port => port.Published is { } published
                ? $"*:{published}->{port.Target}/{port.Protocol}{(port.Mode == "host" ? " (host)" : "")}"
                : $"{port.Target}/{port.Protocol}"))))];
    }

    /// <summary>Tasks of the stack (optionally of one service key), newest first per slot, older ones marked as history.</summary>
    public async Task<IReadOnlyList<StackTaskRow>> TasksAsync(string stack, string? service, CancellationToken cancellationToken)
    {
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        var servicesTask = swarm.ListServicesAsync(stack, cancellationToken);
        var tasksTask = swarm.ListTasksAsync(stack, cancellationToken);
        var nodesTask = swarm.ListNodesAsync(cancellationToken);
        var services = (await servicesTask).ToDictionary(item => item.Id, StringComparer.Ordinal);
        var nodes = (await nodesTask).ToDictionary(node => node.Id, node => node.Hostname, StringComparer.Ordinal);
        var tasks = await tasksTask;
        if (services.Count == 0 && tasks.Count == 0)
        {
            throw new StackException($"nothing found in stack: {stack}");
        }

        if (service is not null && !services.Values.Any(item => item.Name == StackLabels.Scope(stack, service)))
        {
            throw new StackException($"no such service in stack {stack}: {service}");
        }

        var rows = new List<StackTaskRow>();
        var groups = tasks
            .Where(task => services.ContainsKey(task.ServiceId))
            .Where(task => service is null || services[task.ServiceId].Name == StackLabels.Scope(stack, service))
            .GroupBy(task => (task.ServiceId, Slot: TaskSlots.Of(services[task.ServiceId].Mode, task) ?? task.NodeId ?? ""))
            .OrderBy(group => services[group.Key.ServiceId].Name, StringComparer.Ordinal)
            .ThenBy(group => group.Key.Slot.Length).ThenBy(group => group.Key.Slot, StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var owner = services[group.Key.ServiceId];
            var first = true;
            foreach (var task in group.OrderByDescending(task => task.CreatedAt))
            {
                var node = task.NodeId is { } id ? nodes.GetValueOrDefault(id, id) : "";
                var slotName = TaskSlots.Of(owner.Mode, task) is null ? node : group.Key.Slot;
                rows.Add(new StackTaskRow(
                    task.Id,
                    $"{owner.Name}.{slotName}",
                    task.Image.Split('@')[0],
                    node,
                    Capitalized(task.DesiredState),
                    Capitalized(task.State),
                    task.Timestamp,
                    task.Error ?? "",
                    string.Join(", ", owner.Ports.Where(port => port.Mode == "host" && task.State == "running")
                        .Select(port => $"*:{port.Published}->{port.Target}/{port.Protocol}")),
                    task.ExitCode,
                    !first));
                first = false;
            }
        }

        return rows;
    }

    private static string Capitalized(string state) => state.Length == 0 ? state : char.ToUpperInvariant(state[0]) + state[1..];
}
