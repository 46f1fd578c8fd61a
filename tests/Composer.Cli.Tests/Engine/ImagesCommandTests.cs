using System.Text.Json;
using Composer.Engine.Contracts;

namespace Composer.Cli.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class ImagesCommandTests
{
    private const string Stack = """
        services:
          web:
            image: busybox:latest
            command: ["sleep", "3600"]
            stop_signal: SIGKILL
        """;

    [Fact]
    public async Task Images_json_lists_the_image_each_container_runs_and_parses_back()
    {
        await using var project = new EngineProject(Stack);
        using var engine = EngineFactory.Create(new EngineOptions());
        Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

        var images = await project.RunAsync("images", "--format", "json");

        Assert.True(images.ExitCode == 0, images.Error);
        var rows = JsonDocument.Parse(images.Output).RootElement;
        var row = Assert.Single(rows.EnumerateArray());
        var busybox = await engine.Images.InspectAsync("busybox:latest", CancellationToken.None);
        Assert.Equal($"{project.Name}-web-1", row.GetProperty("ContainerName").GetString());
        Assert.Equal(("busybox", "latest"), (row.GetProperty("Repository").GetString(), row.GetProperty("Tag").GetString()));
        Assert.Equal(busybox!.Id, row.GetProperty("ID").GetString());
        Assert.Equal(busybox.Size, row.GetProperty("Size").GetInt64());
    }

    [Fact]
    public async Task Images_table_and_quiet_show_the_short_and_full_ids()
    {
        await using var project = new EngineProject(Stack);
        Assert.Equal(0, (await project.RunAsync("create")).ExitCode);

        var table = await project.RunAsync("images");
        var quiet = await project.RunAsync("images", "-q");

        Assert.StartsWith("CONTAINER", table.Output);
        Assert.Contains("busybox", table.Output);
        var id = Assert.Single(quiet.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("sha256:", id);
        Assert.Contains(id[7..19], table.Output);
    }
}
