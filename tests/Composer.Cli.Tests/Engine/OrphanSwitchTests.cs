namespace Composer.Cli.Tests.Engine;

/// <summary>COMPOSE_IGNORE_ORPHANS and COMPOSE_REMOVE_ORPHANS against the real engine.</summary>
[Collection(EngineCollection.Name)]
public sealed class OrphanSwitchTests
{
    private const string TwoServices = """
        services:
          web:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
          legacy:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
        """;

    private const string OneService = """
        services:
          web:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
        """;

    [Fact]
    public async Task Ignored_orphans_get_no_warning_from_the_environment_or_env_file_and_remove_orphans_still_removes_them()
    {
        await using var project = new EngineProject(TwoServices);
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);
        project.Write("compose.yaml", OneService);

        var warned = await project.RunAsync("up", "-d");
        Assert.Contains($"found orphan containers ({project.Name}-legacy-1)", warned.Error, StringComparison.Ordinal);

        var ignore = new Dictionary<string, string> { ["COMPOSE_IGNORE_ORPHANS"] = "true" };
        var ignored = await project.RunWithAsync(ignore, "up", "-d");
        Assert.Equal(0, ignored.ExitCode);
        Assert.DoesNotContain("orphan", ignored.Error, StringComparison.Ordinal);
        var createIgnored = await project.RunWithAsync(ignore, "create");
        Assert.DoesNotContain("orphan", createIgnored.Error, StringComparison.Ordinal);

        // Read from .env as docker compose reads it (the project's environment), and down stays quiet as well.
        project.Write(".env", "COMPOSE_IGNORE_ORPHANS=1\n");
        var fromEnvFile = await project.RunAsync("up", "-d");
        Assert.DoesNotContain("orphan", fromEnvFile.Error, StringComparison.Ordinal);
        var down = await project.RunAsync("--dry-run", "down");
        Assert.DoesNotContain("orphan", down.Error + down.Output, StringComparison.Ordinal);
        Assert.Equal("running", await EngineInspect.FormatAsync($"{project.Name}-legacy-1", "{{.State.Status}}"));

        // Removing wins over ignoring: the flag, and COMPOSE_REMOVE_ORPHANS, still remove them.
        var dryRemoved = await project.RunWithAsync(new Dictionary<string, string> { ["COMPOSE_REMOVE_ORPHANS"] = "1" }, "--dry-run", "up", "-d");
        Assert.Contains($"RemoveContainer {project.Name}-legacy-1", dryRemoved.Output, StringComparison.Ordinal);
        var removed = await project.RunAsync("up", "-d", "--remove-orphans");
        Assert.Equal(0, removed.ExitCode);
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync($"{project.Name}-legacy-1", "{{.State.Status}}"));
    }
}
