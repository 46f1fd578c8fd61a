using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>composer exec against the real engine, with the CLI run as a process (stdin not a terminal: no tty).</summary>
public sealed class ExecTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Exec_returns_the_exit_code_of_the_command()
    {
        await using var stack = await UpAsync("exit");

        var (code, _) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("exec", "web", "sh", "-c", "exit 3"));

        Assert.Equal(3, code);
    }

    [Fact]
    public async Task Exec_without_tty_pipes_stdin_into_the_command_and_splits_stdout_from_stderr()
    {
        await using var stack = await UpAsync("pipe");

        var (code, output, error) = await PipedCli.RunAsync(stack.Directory, "hi\n", Limit,
            stack.Arguments("exec", "-T", "web", "sh", "-c", "cat; echo oops >&2"));

        Assert.Equal(0, code);
        Assert.Equal("hi\n", output);
        Assert.Contains("oops", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exec_applies_environment_user_and_working_directory()
    {
        await using var stack = await UpAsync("opts");

        var (code, cli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments(
            "exec", "-T", "-e", "EXTRA=given", "-u", "nobody", "-w", "/tmp", "web", "sh", "-c", "echo $EXTRA $FROM_SERVICE; id -un; pwd"));

        Assert.Equal(0, code);
        Assert.Equal("given web-value\nnobody\n/tmp", cli.Output.Trim());
    }

    [Fact]
    public async Task Exec_index_runs_in_that_replica_of_a_scaled_service()
    {
        await using var stack = new StackFolder("exscale", InteractiveStacks.WebWithDatabase);
        Assert.Equal(0, (await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d", "--scale", "web=2"))).ExitCode);
        var second = (await stack.ContainersAsync(CancellationToken.None)).Single(container => container.Name == $"{stack.ProjectName}-web-2");

        var (code, cli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("exec", "--index", "2", "web", "hostname"));

        Assert.Equal(0, code);
        Assert.Equal(second.Id[..12], cli.Output.Trim());
    }

    [Fact]
    public async Task Exec_on_an_unknown_service_or_a_missing_replica_fails_with_one_line()
    {
        await using var stack = await UpAsync("err");

        var (unknown, unknownCli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("exec", "nope", "ls"));
        var (missing, missingCli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("exec", "--index", "5", "web", "ls"));

        Assert.NotEqual(0, unknown);
        Assert.Equal("error: no such service: nope", unknownCli.Error.Trim());
        Assert.NotEqual(0, missing);
        Assert.Single(missingCli.Error.Trim().Split('\n'));
        Assert.Contains("no container number 5", missingCli.Error, StringComparison.Ordinal);
    }

    private static async Task<StackFolder> UpAsync(string prefix)
    {
        var stack = new StackFolder("ex" + prefix, InteractiveStacks.WebWithDatabase);
        var (code, cli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));
        Assert.True(code == 0, cli.Error);
        return stack;
    }
}
