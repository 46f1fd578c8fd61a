using Composer.Examples.Tests.Support;

namespace Composer.Examples.Tests;

/// <summary>examples/dev-env: bind-mounted source, an override file, a debug profile and a one-off migration.</summary>
public sealed class DevEnvExampleTests
{
    private static readonly TimeSpan ReloadLimit = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task The_override_file_is_applied_and_an_edit_on_the_host_is_served_by_the_running_app()
    {
        await using var stack = ExampleStack.Copy("dev-env");
        var port = stack.PortFromEnvFile("APP_PORT");
        await stack.SucceedAsync("up", "-d", "--wait");
        var app = Assert.Single(await stack.ContainersAsync("app"));

        var first = await LocalHttp.GetAsync(port, "/");
        Assert.Contains("message: Hello from the dev environment\n", first);
        // compose.yaml says production; compose.override.yaml, read automatically, says development.
        Assert.Contains("environment: development\n", first);

        stack.WriteFile("src/handler.py", stack.ReadFile("src/handler.py").Replace("Hello from the dev environment", "Edited on the host", StringComparison.Ordinal));
        await LocalHttp.UntilAsync(port, "/", body => body.Contains("message: Edited on the host\n", StringComparison.Ordinal), ReloadLimit, "the edited message");
        // The same container serves the edit: nothing was rebuilt or recreated.
        Assert.Equal(app.Id, Assert.Single(await stack.ContainersAsync("app")).Id);
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
