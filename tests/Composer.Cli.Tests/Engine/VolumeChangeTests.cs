namespace Composer.Cli.Tests.Engine;

/// <summary>
/// Volumes carry docker compose's config-hash label; a changed definition is reported and kept, and recreated (with
/// the containers mounting it) by up -y and create -y. Unused networks and volumes wait for --all-resources.
/// </summary>
[Collection(EngineCollection.Name)]
public sealed class VolumeChangeTests
{
    private static string Stack(string tier) => $$"""
        services:
          db:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
            volumes: ["data:/data"]
          web:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
        volumes:
          data:
            labels: {tier: {{tier}}}
        """;

    [Fact]
    public async Task A_changed_volume_is_kept_with_a_warning_and_recreated_with_its_containers_by_up_yes_and_create_yes()
    {
        await using var project = new EngineProject(Stack("a"));
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);
        var volume = $"{project.Name}_data";

        // docker compose's hash of {"name":"<project>_data","driver":"local","labels":{"tier":"a"}}.
        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes("{\"name\":\"" + volume + "\",\"driver\":\"local\",\"labels\":{\"tier\":\"a\"}}")));
        Assert.Equal(expected, await VolumeLabelAsync(volume, "com.docker.compose.config-hash"));
        Assert.Equal(0, (await project.RunAsync("exec", "-T", "db", "touch", "/data/kept")).ExitCode);
        var dbId = await EngineInspect.FormatAsync($"{project.Name}-db-1", "{{.Id}}");
        var webId = await EngineInspect.FormatAsync($"{project.Name}-web-1", "{{.Id}}");

        project.Write("compose.yaml", Stack("b"));
        var kept = await project.RunAsync("up", "-d");
        Assert.Equal(0, kept.ExitCode);
        Assert.Contains($"volume \"{volume}\" exists but doesn't match configuration in compose file (labels.tier changed); kept as it is, recreate it with --yes (data will be lost)", kept.Error, StringComparison.Ordinal);
        Assert.Equal("a", await VolumeLabelAsync(volume, "tier"));
        Assert.Equal(dbId, await EngineInspect.FormatAsync($"{project.Name}-db-1", "{{.Id}}"));

        var planned = await project.RunAsync("--dry-run", "up", "-d", "-y");
        Assert.Contains($"RemoveVolume {volume}", planned.Output, StringComparison.Ordinal);
        Assert.Contains("(its volume was recreated)", planned.Output, StringComparison.Ordinal);

        var recreated = await project.RunAsync("up", "-d", "--yes");
        Assert.Equal(0, recreated.ExitCode);
        Assert.Equal("b", await VolumeLabelAsync(volume, "tier"));
        Assert.NotEqual(dbId, await EngineInspect.FormatAsync($"{project.Name}-db-1", "{{.Id}}"));
        Assert.Equal("running", await EngineInspect.FormatAsync($"{project.Name}-db-1", "{{.State.Status}}"));
        Assert.Equal(webId, await EngineInspect.FormatAsync($"{project.Name}-web-1", "{{.Id}}"));
        Assert.NotEqual(0, (await project.RunAsync("exec", "-T", "db", "test", "-e", "/data/kept")).ExitCode);

        // create -y does the same, and leaves the new container created, not started.
        project.Write("compose.yaml", Stack("c"));
        Assert.Equal(0, (await project.RunAsync("create", "-y")).ExitCode);
        Assert.Equal("c", await VolumeLabelAsync(volume, "tier"));
        Assert.Equal("created", await EngineInspect.FormatAsync($"{project.Name}-db-1", "{{.State.Status}}"));
    }

    [Fact]
    public async Task Unused_networks_and_volumes_are_created_only_with_all_resources_and_down_removes_them()
    {
        await using var project = new EngineProject("""
            services:
              app:
                image: busybox:latest
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            networks:
              spare: {}
            volumes:
              spare: {}
            """);

        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);
        Assert.Equal(string.Empty, await VolumeLabelAsync($"{project.Name}_spare", "com.docker.compose.volume"));
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync("network", $"{project.Name}_spare", "{{.Name}}"));

        Assert.Equal(0, (await project.RunAsync("--all-resources", "up", "-d")).ExitCode);
        Assert.Equal("spare", await VolumeLabelAsync($"{project.Name}_spare", "com.docker.compose.volume"));
        Assert.Equal($"{project.Name}_spare", await EngineInspect.FormatAsync("network", $"{project.Name}_spare", "{{.Name}}"));

        Assert.Equal(0, (await project.RunAsync("down", "-v")).ExitCode);
        Assert.Equal(string.Empty, await VolumeLabelAsync($"{project.Name}_spare", "com.docker.compose.volume"));
        Assert.Equal(string.Empty, await EngineInspect.FormatAsync("network", $"{project.Name}_spare", "{{.Name}}"));
    }

    private static Task<string> VolumeLabelAsync(string volume, string label) =>
        EngineInspect.FormatAsync("volume", volume, $"{{{{index .Labels \"{label}\"}}}}");
}
