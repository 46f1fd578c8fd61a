using Composer.Engine.Contracts;
using Composer.Engine.Tests.Support;
using Composer.Model;
using Composer.Orchestration.Services;
using Docker.DotNet.Models;

namespace Composer.Engine.Tests.Integration;

[Collection(EngineCollection.Name)]
public sealed class BuildTests(EngineFixture fixture) : IAsyncLifetime
{
    private readonly string contextDirectory = Directory.CreateTempSubdirectory("composer-build-it-").FullName;
    private readonly BuiltImages images = new(fixture.Docker);

    private static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Directory.Delete(contextDirectory, recursive: true);
        await images.DisposeAsync();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Build_leaves_out_ignored_files_passes_build_args_and_labels_the_image(bool classic)
    {
        await using var scope = new ProjectScope(fixture, "bld");
        WriteContext(
            ("Dockerfile", "FROM busybox:latest\nARG GREETING=none\nCOPY . /app/\nRUN echo \"$GREETING\" > /app/greeting\n"),
            (".dockerignore", "*.secret\n"),
            ("kept.txt", "kept"),
            ("token.secret", "do not ship"));
        var service = BuiltService("app", new BuildConfig
        {
            Context = contextDirectory,
            Args = TestServices.Map<string?>(("GREETING", "from-file")),
            Labels = TestServices.Map(("com.example.team", "shop")),
        });
        var project = TestServices.Project(scope.Name, service);
        var lines = new RecordingBuildOutput();

        var built = await new BuildService(fixture.Context(scope.Sink, classic)).BuildAsync(project, new BuildOptions
        {
            Overrides = new Engine.Build.BuildOverrides { Args = TestServices.Map(("GREETING", "from-cli")) },
            Output = lines,
        }, Timeout);
        var image = $"{scope.Name}-app";
        images.Add(image);

        Assert.StartsWith("sha256:", built["app"], StringComparison.Ordinal);
        var inspected = await fixture.Docker.Images.InspectImageAsync(image, Timeout);
        Assert.Equal("shop", inspected.Config.Labels["com.example.team"]);
        var (exitCode, output) = await RunImageAsync(image, "sh", "-c", "ls /app; cat /app/greeting");
        Assert.Equal(0, exitCode);
        Assert.Contains("kept.txt", output, StringComparison.Ordinal);
        Assert.DoesNotContain("token.secret", output, StringComparison.Ordinal);
        Assert.Contains("from-cli", output, StringComparison.Ordinal);
        Assert.Contains(lines.Lines, line => line.Service == "app" && line.Text.StartsWith(classic ? "Step 1/" : "#", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_failing_run_step_names_the_service_the_step_the_engine_message_and_the_steps_last_lines(bool classic)
    {
        await using var scope = new ProjectScope(fixture, "bldfail");
        WriteContext(("Dockerfile", "FROM busybox:latest\nRUN echo breaking && echo 'main.c:3: error: expected ;' >&2 && exit 3\n"));
        var project = TestServices.Project(scope.Name, BuiltService("broken", new BuildConfig { Context = contextDirectory }));
        images.Add($"{scope.Name}-broken");

        var error = await Assert.ThrowsAsync<EngineException>(() =>
            new BuildService(fixture.Context(scope.Sink, classic)).BuildAsync(project, new BuildOptions(), Timeout));

        Assert.Contains("service \"broken\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("RUN echo breaking && echo", error.Message, StringComparison.Ordinal);
        Assert.Contains(classic ? "returned a non-zero code: 3" : "exit code: 3", error.Message, StringComparison.Ordinal);
        Assert.Contains("\n  > main.c:3: error: expected ;", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Up_builds_a_missing_image_and_up_with_build_recreates_the_container_after_a_change()
    {
        await using var scope = new ProjectScope(fixture, "bldup");
        WriteContext(
            ("Dockerfile", "FROM busybox:latest\nCOPY version.txt /version.txt\nCMD [\"sh\", \"-c\", \"trap 'exit 0' TERM; sleep 3600 & wait\"]\n"),
            ("version.txt", "one"));
        var project = TestServices.Project(scope.Name, BuiltService("app", new BuildConfig { Context = contextDirectory }) with
        {
            StopGracePeriod = TimeSpan.FromSeconds(2),
        });
        var image = $"{scope.Name}-app";
        images.Add(image);

        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        var first = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-app-1", Timeout);
        var firstImage = await fixture.Docker.Images.InspectImageAsync(image, Timeout);
        images.Add(firstImage.ID);
        Assert.True(first.State.Running);
        Assert.Equal(firstImage.ID, first.Image);
        Assert.Equal(firstImage.ID, first.Config.Labels[ComposeLabels.Image]);

        // Without --build an existing image is reused and the container kept.
        await scope.Up.UpAsync(project, new UpOptions(), Timeout);
        Assert.Equal(first.ID, (await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-app-1", Timeout)).ID);

        File.WriteAllText(Path.Combine(contextDirectory, "version.txt"), "two");
        await scope.Up.UpAsync(project, new UpOptions { Build = true }, Timeout);

        var second = await fixture.Docker.Containers.InspectContainerAsync($"{scope.Name}-app-1", Timeout);
        var secondImage = await fixture.Docker.Images.InspectImageAsync(image, Timeout);
        images.Add(secondImage.ID);
        Assert.NotEqual(first.ID, second.ID);
        Assert.NotEqual(firstImage.ID, secondImage.ID);
        Assert.Equal(secondImage.ID, second.Image);
        Assert.True(second.State.Running);
        await scope.Down.DownAsync(project, new DownOptions(), Timeout);
    }

    [Fact]
    public async Task Up_with_no_build_does_not_build_a_missing_image()
    {
        await using var scope = new ProjectScope(fixture, "bldno");
        WriteContext(("Dockerfile", "FROM busybox:latest\n"));
        var project = TestServices.Project(scope.Name, BuiltService("app", new BuildConfig { Context = contextDirectory }));
        images.Add($"{scope.Name}-app");

        await Assert.ThrowsAnyAsync<Exception>(() => scope.Up.UpAsync(project, new UpOptions { NoBuild = true }, Timeout));

        Assert.False(await fixture.Engine.ImageExistsAsync($"{scope.Name}-app", Timeout));
    }

    /// <summary>A service with only <c>image:</c> naming what another service builds follows that build.</summary>
    [Fact]
    public async Task Up_with_build_recreates_the_service_that_only_names_the_rebuilt_image()
    {
        await using var scope = new ProjectScope(fixture, "shimg");
        var image = $"{scope.Name}-shared:dev";
        images.Add(image);
        WriteContext(("Dockerfile", "FROM busybox:latest\nCOPY version.txt /version.txt\nCMD [\"sleep\", \"3600\"]\n"), ("version.txt", "one"));
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

    private static Service BuiltService(string name, BuildConfig build) => new() { Name = name, Build = build };

    private void WriteContext(params (string Path, string Content)[] files)
    {
        foreach (var (path, content) in files)
        {
            File.WriteAllText(Path.Combine(contextDirectory, path), content);
        }
    }

    private Task<(long ExitCode, string Output)> RunImageAsync(string image, params string[] command) =>
        images.RunAsync(image, Timeout, command);
}
