namespace Composer.Cli.Tests.Engine;

/// <summary>
/// pre_stop on <c>composer stop</c>: it runs in each running container before the stop and its output is shown; a
/// failing one fails the command with its line and, as docker compose does (the stop is never sent after a failed
/// hook), leaves that container running.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class PreStopCommandTests
{
    [Fact]
    public async Task Stop_runs_pre_stop_in_the_container_first_and_shows_its_output()
    {
        await using var project = await UpWithPreStopAsync("""["sh", "-c", "echo \"flushing on $$(hostname)\"; touch /tmp/flushed"]""");
        var container = project.Name + "-app-1";
        var hostname = await EngineInspect.FormatAsync(container, "{{.Config.Hostname}}");

        var stop = await project.RunAsync("stop");

        Assert.True(stop.ExitCode == 0, stop.Error);
        Assert.True(stop.Error.Contains($"{container} -> pre_stop | flushing on {hostname}", StringComparison.Ordinal), stop.Error);
        Assert.Equal("exited", await EngineInspect.FormatAsync(container, "{{.State.Status}}"));

        // The hook ran in this container, before it stopped: its file is in the container's filesystem.
        Assert.Equal(0, (await EngineInspect.DockerAsync("cp", container + ":/tmp/flushed", "-")).ExitCode);
    }

    [Fact]
    public async Task A_failing_pre_stop_fails_stop_with_its_line_and_leaves_the_container_running()
    {
        await using var project = await UpWithPreStopAsync("""["sh", "-c", "echo 'queue not drained' >&2; exit 5"]""");

        var stop = await project.RunAsync("stop");

        Assert.Equal(1, stop.ExitCode);
        var line = Assert.Single(stop.Error.Split('\n'), text => text.StartsWith("error: ", StringComparison.Ordinal));
        Assert.Equal("error: service \"app\": pre_stop hook [sh -c echo 'queue not drained' >&2; exit 5] exited with status 5: queue not drained", line);
        Assert.Equal("running", await EngineInspect.FormatAsync(project.Name + "-app-1", "{{.State.Status}}"));
    }

    private static async Task<EngineProject> UpWithPreStopAsync(string command)
    {
        var project = new EngineProject("services:\n" + ComposeSnippets.Sleeper("app", "busybox:latest") + $"    pre_stop:\n      - command: {command}\n");
        var up = await project.RunAsync("up", "-d");
        Assert.True(up.ExitCode == 0, up.Error);
        return project;
    }
}
