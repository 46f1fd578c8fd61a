using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>composer run with a tty in a real terminal (tmux): typed commands, the shell's exit code, --rm clean-up.</summary>
public sealed class RunInTerminalTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_rm_with_a_shell_runs_typed_commands_returns_its_exit_code_and_removes_the_container()
    {
        Assert.True(TmuxTerminal.Available, "tmux is not installed (scripts/test.sh installs it)");
        await using var stack = new StackFolder("runtty", InteractiveStacks.WebWithDatabase);

        var command = $"{CliLocation.ShellCommand} -p {stack.ProjectName} run --rm --no-deps web sh; echo CODE=$?";
        using var terminal = new TmuxTerminal(stack.Directory, command);
        // capture-pane trims the space after the prompt.
        await terminal.UntilScreenShowsAsync("/ #", Limit);
        var oneOff = Assert.Single(await stack.ContainersAsync(CancellationToken.None));
        Assert.Equal("True", oneOff.Labels[Composer.Model.ComposeLabels.OneOff]);

        terminal.Type("echo $((6 * 7))");
        await terminal.UntilScreenShowsAsync("42", Limit);

        terminal.Type("exit 3");
        var screen = await terminal.UntilScreenShowsAsync("EXIT=", Limit);
        Assert.Contains("CODE=3", screen, StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }
}
