using Composer.Examples.Tests.Support;

namespace Composer.Examples.Tests;

/// <summary>examples/dev-env: watch rules (sync, sync+restart, rebuild), an override file, a debug profile and a one-off migration.</summary>
public sealed class DevEnvExampleTests
{
    private static readonly TimeSpan ReloadLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task The_override_file_is_applied_and_watch_syncs_source_edits_restarts_on_config_and_rebuilds_on_dependencies()
    {
        await using var stack = ExampleStack.Copy("dev-env");
        var port = stack.PortFromEnvFile("APP_PORT");
        await stack.SucceedAsync("up", "-d", "--wait");
        var app = Assert.Single(await stack.ContainersAsync("app"));
        var db = Assert.Single(await stack.ContainersAsync("db"));

        var first = await LocalHttp.GetAsync(port, "/");
        Assert.Contains("message: Hello from the dev environment\n", first);
        // compose.yaml says production; compose.override.yaml, read automatically, says development.
        Assert.Contains("environment: development\n", first);
        Assert.Contains("title: Dev notes\n", first);
        Assert.Contains("dependencies: psycopg>=3.1\n", first);

        using var watch = CliProcess.Start(stack.Directory, "-p", stack.ProjectName, "--progress", "plain", "watch", "--no-up");
        await watch.UntilErrorShowsAsync("watching app", ReloadLimit);

        // sync: the running container serves the edit; the server reloads the handler by itself.
        stack.WriteFile("src/handler.py", stack.ReadFile("src/handler.py").Replace("Hello from the dev environment", "Edited on the host", StringComparison.Ordinal));
        await LocalHttp.UntilAsync(port, "/", body => body.Contains("message: Edited on the host\n", StringComparison.Ordinal), ReloadLimit, "the edited message");
        Assert.Equal(app.Id, Assert.Single(await stack.ContainersAsync("app")).Id);

        // sync+restart: the config is read at start, so the container restarts (the same container).
        stack.WriteFile("app.conf", "title = Edited title\n");
        await LocalHttp.UntilAsync(port, "/", body => body.Contains("title: Edited title\n", StringComparison.Ordinal), ReloadLimit, "the restarted app's title");
        Assert.Equal(app.Id, Assert.Single(await stack.ContainersAsync("app")).Id);

        // rebuild: a new image and a new app container; the database is left alone.
        stack.WriteFile("requirements.txt", "psycopg>=3.1\nredis>=5\n");
        await LocalHttp.UntilAsync(port, "/", body => body.Contains("dependencies: psycopg>=3.1, redis>=5\n", StringComparison.Ordinal), ReloadLimit, "the rebuilt app");
        Assert.NotEqual(app.Id, Assert.Single(await stack.ContainersAsync("app")).Id);
        Assert.Equal(db.Id, Assert.Single(await stack.ContainersAsync("db")).Id);
        await watch.UntilErrorShowsAsync("app: rebuilt in", ReloadLimit);

        watch.Interrupt();
        Assert.Equal(130, await watch.WaitForExitAsync(ReloadLimit));
        Assert.Contains("app: synced 1 file", watch.Error, StringComparison.Ordinal);
        Assert.Contains("app: restarted 1 container", watch.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_debug_profile_adds_the_dbadmin_tool_which_only_runs_with_it()
    {
        await using var stack = ExampleStack.Copy("dev-env");
        await stack.SucceedAsync("up", "-d", "--wait");
        Assert.Empty(await stack.ContainersAsync("dbadmin"));

        await stack.SucceedAsync("--profile", "debug", "up", "-d", "--wait");

        var tool = Assert.Single(await stack.ContainersAsync("dbadmin"));
        Assert.Equal("running", tool.State);
        Assert.StartsWith("tables:\n", await LocalHttp.GetAsync(stack.PortFromEnvFile("DBADMIN_PORT"), "/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_rm_migrate_creates_the_notes_the_app_serves_they_survive_down_and_up_and_down_v_removes_everything()
    {
        await using var stack = ExampleStack.Copy("dev-env");
        var port = stack.PortFromEnvFile("APP_PORT");
        await stack.SucceedAsync("up", "-d", "--wait");
        Assert.Contains("no notes table yet", await LocalHttp.GetAsync(port, "/"), StringComparison.Ordinal);

        await stack.SucceedAsync("run", "--rm", "migrate");

        Assert.Contains("notes: first note\n", await LocalHttp.GetAsync(port, "/"), StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync("migrate"));

        await stack.SucceedAsync("down", "-t", "1");
        Assert.Equal([$"{stack.ProjectName}_db-data"], (await stack.ResourcesAsync()).Volumes);
        await stack.SucceedAsync("up", "-d", "--wait");
        Assert.Contains("notes: first note\n", await LocalHttp.GetAsync(port, "/"), StringComparison.Ordinal);

        await stack.SucceedAsync("down", "-v", "-t", "1");
        var left = await stack.ResourcesAsync();
        Assert.True(left.IsEmpty, $"left after down -v: {left}");
    }
}
