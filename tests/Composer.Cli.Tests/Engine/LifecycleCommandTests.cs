using System.Text.Json;

namespace Composer.Cli.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class LifecycleCommandTests
{
    private const string Stack = """
        services:
          web:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
          worker:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
            depends_on: [web]
        """;

    [Fact]
    public async Task Create_start_pause_unpause_stop_and_rm_move_containers_through_their_states()
    {
        await using var project = new EngineProject(Stack);

        Assert.Equal(0, (await project.RunAsync("create")).ExitCode);
        Assert.Equal(["created", "created"], await StatesAsync(project));

        Assert.Equal(0, (await project.RunAsync("start")).ExitCode);
        Assert.Equal(["running", "running"], await StatesAsync(project));

        Assert.Equal(0, (await project.RunAsync("pause", "web")).ExitCode);
        Assert.Equal(["paused", "running"], await StatesAsync(project));

        Assert.Equal(0, (await project.RunAsync("unpause", "web")).ExitCode);
        Assert.Equal(0, (await project.RunAsync("stop", "-t", "0")).ExitCode);
        Assert.Equal(["exited", "exited"], await StatesAsync(project));

        Assert.Equal(0, (await project.RunAsync("rm")).ExitCode);
        Assert.Empty(await StatesAsync(project));
    }

    [Fact]
    public async Task Ps_quiet_and_status_filter_print_only_matching_ids()
    {
        await using var project = new EngineProject(Stack);
        await project.RunAsync("up", "-d");
        await project.RunAsync("stop", "worker");

        var running = await project.RunAsync("ps", "-q", "--status", "running");
        var all = await project.RunAsync("ps", "-a", "-q");

        Assert.Single(running.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, all.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task Down_by_project_name_alone_removes_the_stack_without_a_compose_file()
    {
        await using var project = new EngineProject(Stack);
        await project.RunAsync("up", "-d");
        using var elsewhere = new TempProject();

        var down = await CliRunner.RunAsync(elsewhere.Directory, "-p", project.Name, "down", "-t", "0");
        var ps = await CliRunner.RunAsync(elsewhere.Directory, "-p", project.Name, "ps", "-a", "-q");

        Assert.Equal(0, down.ExitCode);
        Assert.Equal(string.Empty, ps.Output);
    }

    [Fact]
    public async Task Dry_run_prints_the_plan_and_creates_nothing()
    {
        await using var project = new EngineProject(Stack);

        var result = await project.RunAsync("--dry-run", "up", "-d");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"CreateContainer {project.Name}-web-1", result.Output);
        Assert.Empty(await StatesAsync(project));
    }

    [Fact]
    public async Task Ls_lists_the_running_project()
    {
        await using var project = new EngineProject(Stack);
        await project.RunAsync("up", "-d");

        var result = await project.RunAsync("ls", "--format", "json");

        using var document = JsonDocument.Parse(result.Output);
        var entry = document.RootElement.EnumerateArray().Single(item => item.GetProperty("Name").GetString() == project.Name);
        Assert.Equal("running(2)", entry.GetProperty("Status").GetString());
    }

    /// <summary>Container states by service name order (web, worker), from `ps -a --format json`.</summary>
    private static async Task<string[]> StatesAsync(EngineProject project)
    {
        var result = await project.RunAsync("ps", "-a", "--format", "json");
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .OrderBy(row => row.GetProperty("Service").GetString(), StringComparer.Ordinal)
            .Select(row => row.GetProperty("State").GetString()!)
            .ToArray();
    }
}
