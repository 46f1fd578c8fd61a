using System.Text.Json;

namespace Composer.Cli.Tests.Engine;

/// <summary>
/// <c>--dry-run --format json</c> on every verb that plans: one JSON document on stdout with the verb's operations,
/// each with kind, target, cause and what it waits for; and nothing changes on the engine.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class DryRunJsonTests
{
    // web, and worker depending on it.
    private static readonly string Stack = "services:\n" + ComposeSnippets.Sleeper("web", "busybox:latest")
        + ComposeSnippets.Sleeper("worker", "busybox:latest") + "    depends_on: [web]\n";

    [Fact]
    public async Task Each_planning_verb_prints_one_json_plan_and_changes_nothing()
    {
        await using var project = new EngineProject(Stack);
        var web = $"{project.Name}-web-1";

        var up = await PlanAsync(project, "up", "--dry-run", "up", "-d", "--format", "json");
        Assert.Equal(project.Name, up.GetProperty("project").GetString());
        var network = Operation(up, "CreateNetwork", $"{project.Name}_default");
        Assert.Equal("network", network.GetProperty("target").GetProperty("type").GetString());
        Assert.Equal("missing", network.GetProperty("cause").GetString());
        var create = Operation(up, "CreateContainer", web);
        Assert.Contains(network.GetProperty("id").GetInt32(), Ids(create.GetProperty("waits_for")));
        Assert.Equal("web", create.GetProperty("target").GetProperty("service").GetString());

        var created = await PlanAsync(project, "create", "--dry-run", "create", "--format", "json");
        Assert.DoesNotContain(Kinds(created), kind => kind == "StartContainer");
        Assert.Equal(string.Empty, (await project.RunAsync("ps", "-a", "-q")).Output);

        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

        var scale = await PlanAsync(project, "scale", "--dry-run", "scale", "--format", "json", "web=2");
        Assert.Equal("scale 1 -> 2", Operation(scale, "CreateContainer", $"{project.Name}-web-2").GetProperty("cause").GetString());

        var stop = await PlanAsync(project, "stop", "--dry-run", "stop", "--format", "json");
        Assert.Equal(["StopContainer", "StopContainer"], Kinds(stop));

        var restart = await PlanAsync(project, "restart", "--dry-run", "restart", "--format", "json", "web");
        Assert.Equal(["StopContainer", "StartContainer"], Kinds(restart));
        Assert.Equal([1], Ids(restart.GetProperty("operations")[1].GetProperty("waits_for")));

        var remove = await PlanAsync(project, "rm", "--dry-run", "rm", "-s", "-f", "--format", "json", "worker");
        Assert.Contains("RemoveContainer", Kinds(remove));

        var down = await PlanAsync(project, "down", "--dry-run", "down", "--format", "json");
        Assert.Equal("network", Operation(down, "RemoveNetwork", $"{project.Name}_default").GetProperty("target").GetProperty("type").GetString());

        var run = await PlanAsync(project, "run", "--dry-run", "run", "--rm", "--format", "json", "worker", "true");
        var oneOff = run.GetProperty("operations").EnumerateArray().Single(operation => operation.GetProperty("kind").GetString() == "CreateContainer");
        Assert.Equal("one-off of worker", oneOff.GetProperty("cause").GetString());

        var pull = await PlanAsync(project, "pull", "--dry-run", "pull", "--policy", "always", "--format", "json", "web");
        Assert.Equal("image", Operation(pull, "PullImage", "busybox:latest").GetProperty("target").GetProperty("type").GetString());

        var ps = await project.RunAsync("ps", "--format", "{{.Name}} {{.State}}");
        Assert.Equal($"{web} running\n{project.Name}-worker-1 running\n", ps.Output);
    }

    [Theory]
    [InlineData("up", "--format", "json")]
    [InlineData("--dry-run", "down", "--format", "yaml")]
    public async Task A_json_plan_without_dry_run_or_an_unknown_format_is_a_usage_error(params string[] args)
    {
        await using var project = new EngineProject(Stack);

        var result = await project.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("error: --format", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, (await project.RunAsync("ps", "-a", "-q")).Output);
    }

    private static async Task<JsonElement> PlanAsync(EngineProject project, string command, params string[] args)
    {
        var result = await project.RunAsync(args);
        Assert.True(result.ExitCode == 0, result.Error);
        using var document = JsonDocument.Parse(result.Output);
        var root = document.RootElement.Clone();
        Assert.Equal(command, root.GetProperty("command").GetString());
        return root;
    }

    private static JsonElement Operation(JsonElement plan, string kind, string target) =>
        plan.GetProperty("operations").EnumerateArray().Single(operation =>
            operation.GetProperty("kind").GetString() == kind && operation.GetProperty("target").GetProperty("name").GetString() == target);

    private static string[] Kinds(JsonElement plan) =>
        [.. plan.GetProperty("operations").EnumerateArray().Select(operation => operation.GetProperty("kind").GetString()!)];

    private static int[] Ids(JsonElement array) => [.. array.EnumerateArray().Select(id => id.GetInt32())];
}
