using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>up in a real terminal (tmux) asks, as docker compose does, before recreating a volume whose definition changed.</summary>
public sealed class VolumePromptTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    private static string Stack(string tier) => $$"""
        services:
          db:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
            volumes: ["data:/data"]
        volumes:
          data:
            labels: {tier: {{tier}}}
        """;

    [Fact]
    public async Task Up_on_a_terminal_asks_before_recreating_a_changed_volume_and_no_keeps_it()
    {
        Assert.True(TmuxTerminal.Available, "tmux is not installed (scripts/test.sh installs it)");
        await using var stack = new StackFolder("volask", Stack("a"));
        try
        {
            await AskAsync(stack);
        }
        finally
        {
            // The stack folder removes containers only; the named volume goes with down -v.
            await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("down", "-v", "-t", "0"));
        }
    }

    private static async Task AskAsync(StackFolder stack)
    {
        var (created, _) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));
        Assert.Equal(0, created);
        var volume = $"{stack.ProjectName}_data";
        stack.Write(Stack("b"));

        // The question is wider than the 120-column terminal: its start and its end are looked for.
        var start = $"Volume \"{volume}\" exists but doesn't match configuration in compose file (labels.tier changed)";
        const string question = "[y/N]";
        using (var declined = new TmuxTerminal(stack.Directory, $"{CliLocation.ShellCommand} -p {stack.ProjectName} up -d"))
        {
            Assert.Contains(start, await declined.UntilScreenShowsAsync(question, Limit), StringComparison.Ordinal);
            declined.Type("n");
            Assert.Contains("EXIT=0", await declined.UntilScreenShowsAsync("EXIT=", Limit), StringComparison.Ordinal);
        }

        Assert.Equal("a", (await stack.Engine.FindVolumeAsync(volume, CancellationToken.None))!.Labels["tier"]);

        using var accepted = new TmuxTerminal(stack.Directory, $"{CliLocation.ShellCommand} -p {stack.ProjectName} up -d");
        await accepted.UntilScreenShowsAsync(question, Limit);
        accepted.Type("y");
        Assert.Contains("EXIT=0", await accepted.UntilScreenShowsAsync("EXIT=", Limit), StringComparison.Ordinal);
        Assert.Equal("b", (await stack.Engine.FindVolumeAsync(volume, CancellationToken.None))!.Labels["tier"]);
        Assert.Contains(await stack.ContainersAsync(CancellationToken.None), container => container.State == "running");
    }
}
