using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary><c>composer logs</c> against containers the CLI started.</summary>
public sealed class LogsCommandTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string Counter = """
        services:
          counter:
            image: busybox:latest
            command: ["sh", "-c", "for i in 1 2 3 4; do echo count $$i; done"]
          other:
            image: busybox:latest
            command: ["sh", "-c", "echo other line"]
        """;

    [Fact]
    public async Task Logs_print_every_services_output_and_tail_keeps_the_last_lines()
    {
        await using var stack = new StackFolder("logs", Counter);
        var (upCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up"));
        Assert.True(upCode == 0, up.Error);

        var (allCode, all) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("logs", "--no-color"));
        var (tailCode, tail) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("logs", "-n", "2", "--no-log-prefix", "counter"));

        Assert.True(allCode == 0, all.Error);
        var lines = all.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("counter-1 | count 1", lines);
        Assert.Contains("counter-1 | count 4", lines);
        Assert.Contains("other-1   | other line", lines);
        Assert.True(tailCode == 0, tail.Error);
        Assert.Equal("count 3\ncount 4\n", tail.Output);
    }

    [Fact]
    public async Task Follow_ends_once_the_followed_containers_have_stopped()
    {
        await using var stack = new StackFolder("logf", """
            services:
              server:
                image: busybox:latest
                command: ["sh", "-c", "echo up and running; trap 'echo shutting down; exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 5s
            """);
        var (upCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));
        Assert.True(upCode == 0, up.Error);
        using var follow = CliProcess.Start(stack.Directory, stack.Arguments("logs", "-f", "-t"));
        using (var timeout = new CancellationTokenSource(Limit))
        {
            while (!follow.Output.Contains("up and running", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }

        using (var timeout = new CancellationTokenSource(Limit))
        {
            await stack.Engine.StopContainerAsync($"{stack.ProjectName}-server-1", TimeSpan.FromSeconds(5), timeout.Token);
        }

        var exitCode = await follow.WaitForExitAsync(Limit);

        Assert.Equal(0, exitCode);
        Assert.Matches(@"server-1 \| \d{4}-\d\d-\d\dT[0-9:.]+Z shutting down", follow.Output);
    }

    [Fact]
    public async Task Ctrl_c_ends_a_follow_with_130_and_leaves_the_containers_running()
    {
        await using var stack = new StackFolder("logc", """
            services:
              server:
                image: busybox:latest
                command: ["sh", "-c", "echo listening; trap 'exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 2s
            """);
        var (upCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));
        Assert.True(upCode == 0, up.Error);
        using var follow = CliProcess.Start(stack.Directory, stack.Arguments("logs", "--follow"));
        using (var timeout = new CancellationTokenSource(Limit))
        {
            while (!follow.Output.Contains("server-1 | listening", StringComparison.Ordinal))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
        }

        follow.Interrupt();
        var exitCode = await follow.WaitForExitAsync(Limit);

        Assert.Equal(130, exitCode);
        using var check = new CancellationTokenSource(Limit);
        Assert.Equal("running", Assert.Single(await stack.ContainersAsync(check.Token)).State);
    }

    [Fact]
    public async Task A_bad_since_is_a_usage_error()
    {
        await using var stack = new StackFolder("logu", Counter);

        var (exitCode, logs) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("logs", "--since", "last tuesday"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--since", logs.Error, StringComparison.Ordinal);
    }
}
