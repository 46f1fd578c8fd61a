using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

/// <summary>A service with only <c>image:</c> naming what another service builds follows that build.</summary>
[Collection(EngineCollection.Name)]
public sealed class SharedBuiltImageTests(EngineFixture fixture) : IAsyncLifetime
{
    private readonly string contextDirectory = Directory.CreateTempSubdirectory("composer-shared-image-it-").FullName;
    private readonly HashSet<string> images = [];

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(contextDirectory, recursive: true);
        foreach (var image in images)
        {
            try
            {
                await fixture.Docker.Images.DeleteImageAsync(image, new ImageDeleteParameters { Force = true }, CancellationToken.None);
            }
            catch (Docker.DotNet.DockerApiException)
            {
                // Already gone with another tag of the same image.
            }
        }
    }

    [Fact]
    public async Task Up_with_build_recreates_the_service_that_only_names_the_rebuilt_image()
    {
        await using var scope = new ProjectScope(fixture, "shimg");
        var image = $"{scope.Name}-shared:dev";
        images.Add(image);
        File.WriteAllText(Path.Combine(contextDirectory, "Dockerfile"),
            "FROM busybox:latest\nCOPY version.txt /version.txt\nCMD [\"sleep\", \"3600\"]\n");
        File.WriteAllText(Path.Combine(contextDirectory, "version.txt"), "one");
        var project = TestServices.Project(scope.Name,
            new Service { Name = "builder", Image = image, Build = new BuildConfig { Context = contextDirectory }, StopSignal = "SIGKILL" },
            new Service { Name = "worker", Image = image, StopSignal = "SIGKILL" });

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var firstWorker = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-worker-1", Timeout);
        images.Add(firstWorker.Image);

        File.WriteAllText(Path.Combine(contextDirectory, "version.txt"), "two");
        await scope.Up.UpAsync(project, new UpOptions { Build = true }, Timeout);

        var rebuilt = await fixture.Docker.Images.InspectImageAsync(image, Timeout);
        images.Add(rebuilt.ID);
        var secondWorker = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-worker-1", Timeout);
        Assert.NotEqual(firstWorker.Image, rebuilt.ID);
        Assert.NotEqual(firstWorker.ID, secondWorker.ID);
        Assert.Equal(rebuilt.ID, secondWorker.Image);
        Assert.Equal(rebuilt.ID, secondWorker.Config.Labels[ComposeLabels.Image]);
        Assert.True(secondWorker.State.Running);

        // Nothing rebuilt: the worker is kept.
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        Assert.Equal(secondWorker.ID, (await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-worker-1", Timeout)).ID);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }
}
