using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary><c>up</c> without -d: prints every container's output with its prefix and ends with the stack.</summary>
public sealed class AttachedUpTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private const string TwoPrinters = """
        services:
          alpha:
            image: busybox:latest
            command: ["sh", "-c", "echo alpha says one; echo alpha says two"]
          beta:
            image: busybox:latest
            command: ["sh", "-c", "echo beta says hello >&2; exit 0"]
        """;

    [Fact]
    public async Task Output_of_every_service_is_prefixed_and_the_up_ends_when_all_exited()
    {
        await using var stack = new StackFolder("att", TwoPrinters);

        var (exitCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up"));

        Assert.True(exitCode == 0, up.Error);
        var lines = up.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("alpha-1 | alpha says one", lines);
        Assert.Contains("alpha-1 | alpha says two", lines);
        Assert.Contains("beta-1  | beta says hello", lines);
        Assert.Contains("beta-1 exited with code 0", lines);
    }

    [Fact]
    public async Task No_attach_leaves_a_services_output_out()
    {
        await using var stack = new StackFolder("noat", TwoPrinters);

        var (exitCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "--no-attach", "beta"));

        Assert.True(exitCode == 0, up.Error);
        Assert.Contains("alpha-1 | alpha says one", up.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("beta", up.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Detach_with_abort_on_container_exit_is_a_usage_error()
    {
        await using var stack = new StackFolder("use", TwoPrinters);

        var (exitCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d", "--abort-on-container-exit"));

        Assert.Equal(2, exitCode);
        Assert.Contains("--abort-on-container-exit", up.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exit_code_from_returns_that_services_code_and_stops_the_rest()
    {
        await using var stack = new StackFolder("code", """
            services:
              failing:
                image: busybox:latest
                command: ["sh", "-c", "echo about to fail; exit 3"]
              steady:
                image: busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 2s
            """);

        var (exitCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "--exit-code-from", "failing"));

        Assert.True(exitCode == 3, $"exit code {exitCode}\n{up.Output}\n{up.Error}");
        Assert.Contains("failing-1 | about to fail", up.Output, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(Limit);
        Assert.All(await stack.ContainersAsync(timeout.Token), container => Assert.NotEqual("running", container.State));
    }

    [Fact]
    public async Task Ctrl_c_stops_the_stack_and_exits_130()
    {
        await using var stack = new StackFolder("sig", """
            services:
              server:
                image: busybox:latest
                command: ["sh", "-c", "echo serving; trap 'echo stopping; exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 5s
            """);
        using var up = CliProcess.Start(stack.Directory, stack.Arguments("up"));
        await stack.UntilAsync(containers => containers.Any(container => container.State == "running"), Limit, "the running server");
        await UntilOutputAsync(up, "server-1 | serving");

        up.Interrupt();
        var exitCode = await up.WaitForExitAsync(Limit);

        Assert.True(exitCode == 130, $"exit code {exitCode}\n{up.Output}\n{up.Error}");
        Assert.Contains("Gracefully stopping... (press Ctrl+C again to force)", up.Error, StringComparison.Ordinal);
        using var timeout = new CancellationTokenSource(Limit);
        var container = Assert.Single(await stack.ContainersAsync(timeout.Token));
        Assert.Equal("exited", container.State);
    }

    [Fact]
    public async Task A_second_ctrl_c_kills_instead_of_waiting_for_the_graceful_stop()
    {
        await using var stack = new StackFolder("force", """
            services:
              stubborn:
                image: busybox:latest
                command: ["sh", "-c", "echo ignoring TERM; trap '' TERM; sleep 3600 & wait"]
                stop_grace_period: 60s
            """);
        using var up = CliProcess.Start(stack.Directory, stack.Arguments("up"));
        await UntilOutputAsync(up, "stubborn-1 | ignoring TERM");

        up.Interrupt();
        await UntilErrorAsync(up, "Gracefully stopping");
        up.Interrupt();
        var exitCode = await up.WaitForExitAsync(TimeSpan.FromSeconds(30));

        Assert.True(exitCode == 130, $"exit code {exitCode}\n{up.Output}\n{up.Error}");
        using var timeout = new CancellationTokenSource(Limit);
        var inspected = await stack.Engine.InspectContainerAsync($"{stack.ProjectName}-stubborn-1", timeout.Token);
        Assert.False(inspected!.Running);
        Assert.Equal(137, inspected.ExitCode);
    }

    private static async Task UntilErrorAsync(CliProcess process, string text)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!process.Error.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }

    private static async Task UntilOutputAsync(CliProcess process, string text)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!process.Output.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
        }
    }
}
