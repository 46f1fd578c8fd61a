using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>
/// <c>run</c> and lifecycle hooks, as docker compose's run does them: post_start runs in the one-off container once it
/// has started (beside its attached output), and a failing one fails run with the hook's line.
/// </summary>
public sealed class RunHookTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string Stack = """
        services:
          web:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
            post_start:
              - command: ["sh", "-c", "echo hooked as $$WHO > /tmp/hooked"]
                environment: [WHO=post_start]
          bad:
            image: busybox:latest
            stop_signal: SIGKILL
            post_start:
              - command: ["sh", "-c", "touch /tmp/ran; echo no such table; exit 3"]
        """;

    [Fact]
    public async Task Post_start_runs_in_the_one_off_container_attached_and_detached()
    {
        await using var stack = new StackFolder("runhook", Stack);

        // The command waits for what the hook writes: it can only end once the hook has run in its container.
        var (exitCode, attached) = await CliProcess.RunAsync(stack.Directory, Limit,
            stack.Arguments("run", "--rm", "web", "sh", "-c", "until [ -f /tmp/hooked ]; do sleep 0.1; done; cat /tmp/hooked"));
        Assert.True(exitCode == 0, attached.Error);
        Assert.Contains("hooked as post_start", attached.Output, StringComparison.Ordinal);

        var (detachedCode, detached) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("run", "-d", "--name", $"{stack.ProjectName}-oneoff", "web"));
        Assert.True(detachedCode == 0, detached.Error);

        // run -d returns once the hooks have run.
        using var timeout = new CancellationTokenSource(Limit);
        Assert.Equal("hooked as post_start\n", await ContainerFiles.ReadAsync(stack.Engine, $"{stack.ProjectName}-oneoff", "/tmp/hooked", timeout.Token));
    }

    [Fact]
    public async Task A_failing_post_start_fails_run_with_the_hooks_output()
    {
        await using var stack = new StackFolder("runhookbad", Stack);

        var (exitCode, process) = await CliProcess.RunAsync(stack.Directory, Limit,
            stack.Arguments("run", "--rm", "bad", "sh", "-c", "until [ -f /tmp/ran ]; do sleep 0.1; done"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("post_start hook [sh -c touch /tmp/ran; echo no such table; exit 3] exited with status 3: no such table", process.Error, StringComparison.Ordinal);
    }
}
