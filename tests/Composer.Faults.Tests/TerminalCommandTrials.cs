using Composer.EndToEnd.Tests.Support;
using Composer.Faults.Tests.Support;

namespace Composer.Faults.Tests;

/// <summary>
/// Short commands through exec and run in a real terminal (tmux, on a server of the suite's own): the command may end
/// before its terminal is even sized, and still its output shows, its exit code is composer's, and nothing else is
/// printed (engine 20.10 answers a late resize with 500 "cannot resize a stopped container", which was retried with
/// backoff, holding the output back and printing retry lines into the raw terminal).
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class TerminalCommandTrials(FaultEngine engine)
{
    /// <summary>The suite's own tmux server (<c>tmux -L faults</c>): started by this test with its environment, shared with nobody.</summary>
    private const string Server = "faults";

    [Fact]
    public async Task Short_exec_and_run_commands_in_a_terminal_print_their_output_and_exit_with_their_code()
    {
        Assert.True(TmuxTerminal.Available, "tmux is not installed (scripts/test.sh installs it)");
        var execs = new Tally("short exec in a terminal");
        var runs = new Tally("short run --rm in a terminal");
        await using var project = new FaultProject(engine, "tty");
        project.Write(1);
        var (exitCode, up) = await project.RunAsync("up", "-d");
        Assert.True(exitCode == 0, up.Error);

        for (var index = 0; index < Trials.Commands; index++)
        {
            var code = index % 4;
            var (verb, tally) = index % 2 == 0 ? ("exec s1", execs) : ("run --rm s3", runs);
            var command = $"DOCKER_HOST={FaultEngine.Host} {CliLocation.ShellCommand} -p {project.Name} {verb} sh -c 'echo out-{index}; exit {code}'";
            using var terminal = new TmuxTerminal(project.Directory, command, Server);
            var screen = await terminal.UntilScreenShowsAsync("EXIT=", FaultProject.Limit);
            // The output on a line of its own from the first column (a line printed while the terminal was still raw
            // would leave the next one indented), the command's exit code, and nothing else: no error, no retry line.
            var lines = screen.Split('\n').Select(line => line.TrimEnd()).ToArray();
            var passed = lines.Contains($"out-{index}")
                && lines.Contains($"EXIT={code}")
                && !screen.Contains("error", StringComparison.OrdinalIgnoreCase)
                && !screen.Contains("warning", StringComparison.OrdinalIgnoreCase)
                && !screen.Contains("retrying", StringComparison.OrdinalIgnoreCase);
            tally.Add(passed, $"{verb}: {screen.Trim()}");
        }

        Tally.Report(execs, runs);
    }
}
