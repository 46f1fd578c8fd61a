using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>The live progress view in a real terminal (tmux), as a person running `composer up` sees it.</summary>
public sealed class TerminalProgressTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Up_in_a_terminal_draws_one_line_per_resource_and_ends_with_all_done()
    {
        Assert.True(TmuxTerminal.Available, "tmux is not installed (scripts/test.sh installs it)");
        await using var stack = new StackFolder("tty", Stacks.Sleepers(2));
        var command = $"{CliLocation.ShellCommand} -p {stack.ProjectName} up -d";

        using var terminal = new TmuxTerminal(stack.Directory, command);
        var screen = await terminal.UntilScreenShowsAsync("EXIT=", Limit);

        Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
        Assert.Contains("Running 3/3", screen, StringComparison.Ordinal);
        Assert.Contains($"Network {stack.ProjectName}_default", screen, StringComparison.Ordinal);
        Assert.Contains($"Container {stack.ProjectName}-s1-1", screen, StringComparison.Ordinal);
        Assert.Contains($"Container {stack.ProjectName}-s2-1", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("error", screen, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_final_frame_of_a_recreating_up_lists_recreated_started_and_kept_containers()
    {
        Assert.True(TmuxTerminal.Available, "tmux is not installed (scripts/test.sh installs it)");
        await using var stack = new StackFolder("ttyre", Stacks.Sleepers(2));
        Assert.Equal(0, (await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"))).ExitCode);
        // s1 changes, s2 stays, s3 is new.
        stack.Write(new System.Text.RegularExpressions.Regex("MODE: one").Replace(Stacks.Sleepers(3), "MODE: two", 1));

        using var terminal = new TmuxTerminal(stack.Directory, $"{CliLocation.ShellCommand} -p {stack.ProjectName} up -d", socket: "plan");
        var screen = await terminal.UntilScreenShowsAsync("EXIT=", Limit);

        Assert.Contains("EXIT=0", screen, StringComparison.Ordinal);
        Assert.Matches($@"Container {stack.ProjectName}-s1-1\s+Recreated, Started", screen);
        Assert.Matches($@"Container {stack.ProjectName}-s3-1\s+Started", screen);
        Assert.Matches($@"Container {stack.ProjectName}-s2-1\s+Running", screen);
    }
}
