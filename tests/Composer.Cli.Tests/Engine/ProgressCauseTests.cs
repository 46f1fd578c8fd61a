using System.Text.Json;

namespace Composer.Cli.Tests.Engine;

/// <summary>With <c>--progress json</c>, the events of every step carry the cause the plan gave it.</summary>
[Collection(EngineCollection.Name)]
public sealed class ProgressCauseTests
{
    private static string Stack(string apiUrl) => "services:\n" + ComposeSnippets.Sleeper("web", "busybox:latest")
        + $"    environment:\n      API_URL: {apiUrl}\n";

    [Fact]
    public async Task A_recreate_and_a_scale_up_say_why_in_their_json_events()
    {
        await using var project = new EngineProject(Stack("http://old"));
        var web = $"{project.Name}-web-1";
        var first = await JsonUpAsync(project, "up", "-d");
        Assert.Contains(first, line => Field(line, "name") == web && Field(line, "status") == "Started" && Field(line, "cause") == "scale 0 -> 1");

        File.WriteAllText(Path.Combine(project.Directory, "compose.yaml"), Stack("http://new"));
        var second = await JsonUpAsync(project, "up", "-d", "--scale", "web=2");

        Assert.Contains(second, line => Field(line, "name") == web && Field(line, "status") == "Recreated"
            && Field(line, "cause") == "environment.API_URL changed");
        Assert.Contains(second, line => Field(line, "name") == $"{project.Name}-web-2" && Field(line, "status") == "Created"
            && Field(line, "cause") == "scale 1 -> 2");
        Assert.Contains("API_URL=http://new", await EngineInspect.FormatAsync(web, "{{.Config.Env}}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_container_in_the_namespaces_of_a_recreated_service_is_recreated_into_the_new_container()
    {
        static string NetStack(string mode) => "services:\n" + ComposeSnippets.Sleeper("vpn", "busybox:latest") + $"    environment: {{MODE: {mode}}}\n"
            + ComposeSnippets.Sleeper("app", "busybox:latest") + "    network_mode: service:vpn\n    pid: service:vpn\n";
        await using var project = new EngineProject(NetStack("old"));
        var (vpn, app) = ($"{project.Name}-vpn-1", $"{project.Name}-app-1");
        await JsonUpAsync(project, "up", "-d");
        var oldVpn = await EngineInspect.FormatAsync(vpn, "{{.Id}}");
        Assert.Equal("container:" + oldVpn, await EngineInspect.FormatAsync(app, "{{.HostConfig.NetworkMode}}"));

        File.WriteAllText(Path.Combine(project.Directory, "compose.yaml"), NetStack("new"));
        var events = await JsonUpAsync(project, "up", "-d");

        var newVpn = await EngineInspect.FormatAsync(vpn, "{{.Id}}");
        Assert.NotEqual(oldVpn, newVpn);
        Assert.Contains(events, line => Field(line, "name") == app && Field(line, "status") == "Recreated"
            && Field(line, "cause") == "network_mode: service:vpn recreated, pid: service:vpn recreated");
        Assert.Equal($"container:{newVpn} container:{newVpn} true", await EngineInspect.FormatAsync(app, "{{.HostConfig.NetworkMode}} {{.HostConfig.PidMode}} {{.State.Running}}"));
    }

    private static async Task<List<JsonElement>> JsonUpAsync(EngineProject project, params string[] args)
    {
        var result = await CliRunner.RunAsync(project.Directory, ["-p", project.Name, "--progress", "json", .. args]);
        Assert.True(result.ExitCode == 0, result.Error);
        return [.. result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line =>
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.Clone();
        })];
    }

    private static string? Field(JsonElement line, string name) =>
        line.TryGetProperty(name, out var value) ? value.GetString() : null;
}
