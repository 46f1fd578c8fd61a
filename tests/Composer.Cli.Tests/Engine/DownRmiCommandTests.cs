using Composer.Engine.Contracts;

namespace Composer.Cli.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class DownRmiCommandTests
{
    [Fact]
    public async Task Rmi_local_removes_only_the_image_built_under_the_project_name()
    {
        await using var project = BuiltStack(out var named);
        using var engine = EngineFactory.Create(new EngineOptions());
        try
        {
            Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

            var down = await project.RunAsync("down", "-t", "0", "--rmi", "local");

            Assert.True(down.ExitCode == 0, down.Error);
            Assert.Null(await engine.Images.InspectAsync($"{project.Name}-local", CancellationToken.None));
            Assert.NotNull(await engine.Images.InspectAsync(named, CancellationToken.None));
        }
        finally
        {
            await engine.Images.RemoveAsync(named, CancellationToken.None);
            await engine.Images.RemoveAsync($"{project.Name}-local", CancellationToken.None);
        }
    }

    [Fact]
    public async Task Rmi_all_removes_every_service_image_and_missing_images_are_no_error()
    {
        await using var project = BuiltStack(out var named);
        using var engine = EngineFactory.Create(new EngineOptions());
        try
        {
            Assert.Equal(0, (await project.RunAsync("up", "-d")).ExitCode);

            var dryRun = await project.RunAsync("--dry-run", "down", "--rmi", "all");
            Assert.Contains($"RemoveImage {named}", dryRun.Output);
            Assert.Contains($"RemoveImage {project.Name}-local", dryRun.Output);

            Assert.Equal(0, (await project.RunAsync("down", "-t", "0", "--rmi", "all")).ExitCode);
            Assert.Null(await engine.Images.InspectAsync(named, CancellationToken.None));
            Assert.Null(await engine.Images.InspectAsync($"{project.Name}-local", CancellationToken.None));

            var again = await project.RunAsync("down", "--rmi", "all");
            Assert.True(again.ExitCode == 0, again.Error);
        }
        finally
        {
            await engine.Images.RemoveAsync(named, CancellationToken.None);
            await engine.Images.RemoveAsync($"{project.Name}-local", CancellationToken.None);
        }
    }

    [Fact]
    public async Task Rmi_with_an_unknown_mode_is_a_usage_error()
    {
        await using var project = new EngineProject("services:\n  web:\n    image: busybox:latest\n");

        var down = await project.RunAsync("down", "--rmi", "some");

        Assert.Equal(2, down.ExitCode);
        Assert.Contains("--rmi must be local or all", down.Error);
    }

    // Two services built from busybox: one under <project>-local, one under an image: name of its own.
    private static EngineProject BuiltStack(out string named)
    {
        var project = new EngineProject("");
        named = $"{project.Name}-custom:v1";
        File.WriteAllText(Path.Combine(project.Directory, "Dockerfile"), "FROM busybox:latest\nCMD [\"sleep\", \"3600\"]\n");
        File.WriteAllText(Path.Combine(project.Directory, "compose.yaml"), $"""
            services:
              local:
                build: .
                stop_signal: SIGKILL
              custom:
                build: .
                image: {named}
                stop_signal: SIGKILL
            """);
        return project;
    }
}
