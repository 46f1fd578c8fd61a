namespace Composer.Cli.Tests.Engine;

/// <summary>--compatibility and COMPOSE_COMPATIBILITY against the real engine: docker compose v1's _ names, found by every verb.</summary>
[Collection(EngineCollection.Name)]
public sealed class CompatibilityTests
{
    private const string Stack = """
        services:
          web:
            image: busybox:latest
            command: ["sh", "-c", "echo hello from web; exec sleep 3600"]
            stop_signal: SIGKILL
        """;

    [Fact]
    public async Task Compatibility_names_containers_with_underscores_and_ps_logs_run_and_down_find_them()
    {
        await using var project = new EngineProject(Stack);
        var up = await project.RunAsync("--compatibility", "up", "-d", "--scale", "web=2");
        Assert.Equal(0, up.ExitCode);
        Assert.Equal("running", await EngineInspect.FormatAsync($"{project.Name}_web_1", "{{.State.Status}}"));
        Assert.Equal("running", await EngineInspect.FormatAsync($"{project.Name}_web_2", "{{.State.Status}}"));

        var ps = await project.RunAsync("ps", "--format", "{{.Name}}");
        Assert.Equal($"{project.Name}_web_1\n{project.Name}_web_2\n", ps.Output);
        var logs = await project.RunAsync("logs", "--no-color", "web");
        Assert.Contains("web_1 | hello from web", logs.Output, StringComparison.Ordinal);

        // COMPOSE_COMPATIBILITY does the same; an up without it finds the containers by their labels and keeps them.
        var compatibility = new Dictionary<string, string> { ["COMPOSE_COMPATIBILITY"] = "1" };
        var run = await project.RunWithAsync(compatibility, "run", "-d", "web", "sleep", "60");
        Assert.Equal(0, run.ExitCode);
        Assert.Matches($"^{project.Name}_web_run_[0-9a-f]{{12}}$", run.Output.Trim());
        var again = await project.RunAsync("up", "-d", "--scale", "web=2");
        Assert.Equal(0, again.ExitCode);
        Assert.Equal($"{project.Name}_web_1\n{project.Name}_web_2\n", (await project.RunAsync("ps", "--format", "{{.Name}}")).Output);

        Assert.Equal(0, (await project.RunAsync("down", "-t", "0")).ExitCode);
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync($"{project.Name}_web_1", "{{.State.Status}}"));
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync(run.Output.Trim(), "{{.State.Status}}"));
    }
}
