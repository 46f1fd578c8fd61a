using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>Through the CLI: hook output in progress, a failing hook as one error line, attach: false.</summary>
public sealed class HooksAndAttachTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Hook_output_shows_in_progress_and_a_failing_post_start_fails_up_with_one_line()
    {
        await using var stack = new StackFolder("hook", """
            services:
              web:
                image: busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 2s
                post_start:
                  - command: ["sh", "-c", "echo warming cache"]
              bad:
                image: busybox:latest
                command: ["sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
                stop_grace_period: 2s
                post_start:
                  - command: ["sh", "-c", "echo 'no such table' >&2; exit 4"]
            """);

        var (exitCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));

        Assert.Equal(1, exitCode);
        Assert.Contains($"{stack.ProjectName}-web-1 -> post_start | warming cache", up.Error, StringComparison.Ordinal);
        Assert.Contains("service \"bad\": post_start hook [sh -c echo 'no such table' >&2; exit 4] exited with status 4: no such table", up.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", up.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attach_false_leaves_a_service_out_of_attached_up_and_default_logs()
    {
        await using var stack = new StackFolder("noatt", """
            services:
              app:
                image: busybox:latest
                command: ["sh", "-c", "echo app line"]
              noisy:
                image: busybox:latest
                attach: false
                command: ["sh", "-c", "echo noisy line"]
            """);

        var (upCode, up) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up"));
        var (logsCode, logs) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("logs", "--no-color"));
        var (namedCode, named) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("logs", "--no-color", "noisy"));

        Assert.True(upCode == 0 && logsCode == 0 && namedCode == 0, up.Error + logs.Error + named.Error);
        Assert.Contains("app-1 | app line", up.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("noisy line", up.Output, StringComparison.Ordinal);
        Assert.Contains("app line", logs.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("noisy line", logs.Output, StringComparison.Ordinal);
        Assert.Contains("noisy line", named.Output, StringComparison.Ordinal);
    }
}
