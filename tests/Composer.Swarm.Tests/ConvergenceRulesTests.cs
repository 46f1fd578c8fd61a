using Composer.Model.Swarm;
using Composer.Orchestration.Stack;

namespace Composer.Swarm.Tests;

/// <summary>The waiting verdicts from one listing, without a swarm.</summary>
public sealed class ConvergenceRulesTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 4, 20, 0, 0, TimeSpan.Zero);

    private static SwarmServiceState Service(ulong replicas = 2, string? update = null, DateTimeOffset? updateStarted = null) => new()
    {
        Id = "s1",
        Name = "shop_web",
        Version = 3,
        Mode = SwarmModes.Replicated,
        Replicas = replicas,
        Image = "busybox:local",
        UpdateState = update,
        UpdateStartedAt = updateStarted,
        UpdateMessage = "update rolled back due to failure or early termination of task x",
        Constraints = ["node.labels.zone==mars"],
    };

    private static SwarmTaskState Task(string state, long slot, string desired = "running", string? error = null, long? exit = null, string node = "n2") => new()
    {
        Id = "t" + slot + state,
        ServiceId = "s1",
        Slot = slot,
        NodeId = node,
        DesiredState = desired,
        State = state,
        Error = error,
        ExitCode = exit,
        Timestamp = Start.AddSeconds(5),
        CreatedAt = Start.AddSeconds(1),
        Image = "busybox:local",
    };

    private static ServiceConvergence Evaluate(SwarmServiceState service, params SwarmTaskState[] tasks) =>
        ConvergenceRules.Evaluate("web", service, tasks, Start, Start, Start.AddSeconds(6), node => node == "n2" ? "swn2" : node ?? "?");

    [Fact]
    public void All_replicas_running_is_converged()
    {
        var state = Evaluate(Service(), Task("running", 1), Task("running", 2));

        Assert.True(state.Converged);
        Assert.Equal("2/2 running", state.Status);
    }

    [Fact]
    public void A_replica_still_starting_is_not()
    {
        var state = Evaluate(Service(), Task("running", 1), Task("starting", 2));

        Assert.False(state.Converged);
        Assert.Null(state.Failure);
        Assert.Equal("1/2 running", state.Status);
    }

    [Fact]
    public void A_task_nobody_can_place_fails_naming_the_constraint()
    {
        var state = Evaluate(Service(1), Task("pending", 1, error: "no suitable node (scheduling constraints not satisfied on 3 nodes)"));

        Assert.Equal("task shop_web.1 cannot be placed: no suitable node (scheduling constraints not satisfied on 3 nodes); placement constraints: node.labels.zone==mars", state.Failure);
    }

    [Fact]
    public void A_failed_task_names_node_and_exit_code_and_a_missing_image()
    {
        Assert.Equal("task shop_web.2 on node swn2 failed: task exited with code 1",
            Evaluate(Service(), Task("running", 1), Task("failed", 2, desired: "shutdown", error: "task: non-zero exit (1)", exit: 1)).Failure);
        Assert.Equal("task shop_web.2 on node swn2 rejected: image app:2 not found",
            Evaluate(Service(), Task("rejected", 2, desired: "shutdown", error: "No such image: app:2")).Failure);
    }

    [Fact]
    public void During_a_rolling_update_failures_are_the_swarms_to_handle_and_a_rollback_is_reported()
    {
        Assert.Null(Evaluate(Service(update: "updating", updateStarted: Start), Task("failed", 2, desired: "shutdown", exit: 1)).Failure);
        Assert.Equal("update of shop_web failed and was rolled back: update rolled back due to failure or early termination of task x",
            Evaluate(Service(update: "rollback_completed", updateStarted: Start), Task("running", 1), Task("running", 2)).Failure);
    }

    [Fact]
    public void A_job_converges_when_its_completions_are_done()
    {
        var job = Service(1) with { Mode = SwarmModes.ReplicatedJob };

        Assert.False(Evaluate(job, Task("running", 1, desired: "complete")).Converged);
        var done = Evaluate(job, Task("complete", 1, desired: "complete"));
        Assert.True(done.Converged);
        Assert.Equal("1/1 completed", done.Status);
    }

    [Fact]
    public void A_global_job_without_tasks_yet_is_not_done_until_its_tasks_appear_or_the_grace_passes()
    {
        var job = Service() with { Mode = SwarmModes.GlobalJob, Replicas = null };
        ServiceConvergence At(double seconds, params SwarmTaskState[] tasks) =>
            ConvergenceRules.Evaluate("train", job, tasks, Start, Start, Start.AddSeconds(seconds), node => node ?? "?");

        Assert.False(At(0.5).Converged);
        Assert.False(At(1, Task("running", 0, desired: "complete")).Converged);
        Assert.True(At(2, Task("complete", 0, desired: "complete")).Converged);
        Assert.True(At(4).Converged);
    }
}
