using Composer.Model.Swarm;

namespace Composer.Orchestration.Stack;

/// <summary>
/// Decides from one listing of a service and its tasks whether it converged, is still converging, or failed (naming
/// the task, node and cause). Pure, so each rule is tested without a swarm. A task with a healthcheck only becomes
/// running once healthy, so "running" also means "healthy" here.
/// </summary>
internal static class ConvergenceRules
{
    /// <summary>How long a changed service whose tasks were not replaced (a label-only change) may show no update before it counts as settled.</summary>
    private static readonly TimeSpan SettleGrace = TimeSpan.FromSeconds(3);

    /// <param name="service">The service as listed now.</param>
    /// <param name="tasks">Its tasks, all of them.</param>
    /// <param name="since">Start of this deploy; older failures are history.</param>
    /// <param name="changedAt">When this deploy created or updated the service; null when it left it alone.</param>
    /// <param name="now">The time of the listing.</param>
    /// <param name="nodeName">Node id to host name.</param>
    public static ServiceConvergence Evaluate(string key, SwarmServiceState service, IReadOnlyList<SwarmTaskState> tasks,
        DateTimeOffset since, DateTimeOffset? changedAt, DateTimeOffset now, Func<string?, string> nodeName)
    {
        var isJob = SwarmModes.IsJob(service.Mode);
        string TaskName(SwarmTaskState task) => $"{service.Name}.{TaskSlots.Of(service.Mode, task) ?? nodeName(task.NodeId)}";

        var updateFailure = UpdateFailure(service, changedAt);
        var recent = tasks.Where(task => (task.Timestamp ?? task.CreatedAt ?? now) >= since).ToList();
        var unplaceable = tasks.FirstOrDefault(task => task.DesiredState == "running" && task.State == "pending"
            && task.Error?.Contains("no suitable node", StringComparison.Ordinal) == true);
        var failed = recent.Where(task => task.State is "failed" or "rejected").OrderByDescending(task => task.Timestamp).FirstOrDefault();
        var updating = service.UpdateState is "updating" or "rollback_started";

        if (isJob)
        {
            var completed = (ulong)tasks.Count(task => task.State == "complete" && (changedAt is null || (task.CreatedAt ?? now) >= changedAt.Value.AddSeconds(-1)));
            var desiredJobs = service.Replicas ?? Math.Max(service.DesiredTasks, (ulong)tasks.Select(task => task.NodeId).Distinct().Count());
            string? jobFailure = unplaceable is not null ? Unplaceable(service, TaskName(unplaceable), unplaceable)
                : failed is not null ? Failed(TaskName(failed), failed, nodeName) : null;
            // Right after a global job is created or changed the swarm may not have made its tasks yet, so it desires
            // 0 and 0 completed would pass: wait for a task of this run, or the grace (a job no node may run).
            var started = changedAt is null
                || tasks.Any(task => (task.CreatedAt ?? now) >= changedAt.Value.AddSeconds(-1))
                || now - changedAt.Value > SettleGrace;
            return new ServiceConvergence(key, completed, desiredJobs, true, jobFailure is null && started && completed >= desiredJobs, jobFailure);
        }

        var current = tasks.Where(task => task.DesiredState == "running").ToList();
        var running = (ulong)current.Count(task => task.State == "running");
        var desired = service.Replicas ?? (ulong)Math.Max(current.Count, (int)service.DesiredTasks);
        string? failure = updateFailure;
        if (failure is null && !updating)
        {
            failure = unplaceable is not null ? Unplaceable(service, TaskName(unplaceable), unplaceable)
                : failed is not null ? Failed(TaskName(failed), failed, nodeName) : null;
        }

        var settled = changedAt is null
            || (service.UpdateState == "completed" && service.UpdateStartedAt >= changedAt.Value.AddSeconds(-1))
            || (current.Count > 0 && current.All(task => (task.CreatedAt ?? now) >= changedAt.Value.AddSeconds(-1)))
            || now - changedAt.Value > SettleGrace;
        var converged = failure is null && !updating && settled && running == desired && current.Count == (int)desired;
        return new ServiceConvergence(key, running, desired, false, converged, failure);
    }

    private static string? UpdateFailure(SwarmServiceState service, DateTimeOffset? changedAt)
    {
        if (changedAt is null || service.UpdateStartedAt is not { } started || started < changedAt.Value.AddSeconds(-1))
        {
            return null;
        }

        var message = string.IsNullOrEmpty(service.UpdateMessage) ? "" : ": " + service.UpdateMessage;
        return service.UpdateState switch
        {
            "paused" => $"update of {service.Name} paused{message}",
            "rollback_completed" => $"update of {service.Name} failed and was rolled back{message}",
            "rollback_paused" => $"update of {service.Name} failed and its rollback paused{message}",
            _ => null,
        };
    }

    private static string Unplaceable(SwarmServiceState service, string task, SwarmTaskState state)
    {
        var constraints = service.Constraints.Count == 0 ? "" : $"; placement constraints: {string.Join(", ", service.Constraints)}";
        return $"task {task} cannot be placed: {state.Error}{constraints}";
    }

    private static string Failed(string name, SwarmTaskState task, Func<string?, string> nodeName)
    {
        var node = task.NodeId is null ? "" : $" on node {nodeName(task.NodeId)}";
        var cause = task.ExitCode is { } code and not 0 ? $"task exited with code {code}"
            : task.Error is { } error && error.StartsWith("No such image: ", StringComparison.Ordinal) ? $"image {error["No such image: ".Length..]} not found"
            : task.Error ?? task.Message ?? task.State;
        return $"task {name}{node} {task.State}: {cause}";
    }
}
