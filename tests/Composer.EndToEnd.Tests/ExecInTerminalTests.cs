using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>composer exec with a tty in a real terminal (tmux): raw mode, resizes, exit code and terminal restore.</summary>
public sealed class ExecInTerminalTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Interactive_exec_runs_typed_commands_follows_resizes_and_returns_the_shells_exit_code()
    {
        Assert.True(TmuxTerminal.Available, "tmux is not installed (scripts/test.sh installs it)");
        await using var stack = new StackFolder("exectty", InteractiveStacks.WebWithDatabase);
        Assert.Equal(0, (await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"))).ExitCode);

        // After composer ends, the outer shell reports the exit code and whether echo (so cooked mode) is back.
        var command = $"{CliLocation.ShellCommand} -p {stack.ProjectName} exec web sh; echo CODE=$?; stty -a | grep -q -- ' echo ' && echo TERMINAL=restored";
        using var terminal = new TmuxTerminal(stack.Directory, command);
        // capture-pane trims the space after the prompt.
        await terminal.UntilScreenShowsAsync("/ #", Limit);

        terminal.Type("echo $((6 * 7))");
        await terminal.UntilScreenShowsAsync("42", Limit);

        terminal.Resize(100, 40);
        // The new size reaches the container asynchronously (SIGWINCH, then an engine call), so ask until it has.
        await terminal.TypeUntilScreenShowsAsync("stty size", "40 100", Limit);

        terminal.Type("exit 5");
        var screen = await terminal.UntilScreenShowsAsync("EXIT=", Limit);
        Assert.Contains("CODE=5", screen, StringComparison.Ordinal);
        Assert.Contains("TERMINAL=restored", screen, StringComparison.Ordinal);
    }
}
