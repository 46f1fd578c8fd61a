using Composer.Model;
using Composer.Orchestration.Observation;

namespace Composer.Cli.Tests.Engine;

/// <summary>run gets a missing image the way up does (pull_policy, --pull), and pull_policy build builds every time.</summary>
[Collection(EngineCollection.Name)]
public sealed class RunPullTests(PushPullRegistry registry) : IClassFixture<PushPullRegistry>
{
    [Fact]
    public async Task Run_pulls_the_missing_images_of_the_service_and_of_the_dependencies_it_starts()
    {
        var appImage = await registry.PublishBusyboxAsync("runapp");
        var depImage = await registry.PublishBusyboxAsync("rundep");
        await using var project = new EngineProject(
            "services:\n" + ComposeSnippets.Sleeper("app", appImage) + "    depends_on: [dep]\n" + ComposeSnippets.Sleeper("dep", depImage));
        try
        {
            var run = await project.RunAsync("run", "-d", "app");

            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains(" Service app  Pulled", run.Error, StringComparison.Ordinal);
            Assert.Contains(" Service dep  Pulled", run.Error, StringComparison.Ordinal);
            var containers = await ContainersAsync(project);
            Assert.Equal([("False", "running"), ("True", "running")],
                containers.Select(container => (container.Labels[ComposeLabels.OneOff], container.State)).Order());
        }
        finally
        {
            await project.RunAsync("down", "-t", "0");
            await registry.Engine.Images.RemoveAsync(appImage, CancellationToken.None);
            await registry.Engine.Images.RemoveAsync(depImage, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Run_of_an_image_that_cannot_be_pulled_fails_with_one_line_and_creates_nothing()
    {
        var image = $"{PushPullRegistry.UnreachableHost()}/nowhere/app:1";
        await using var project = new EngineProject($"""
            services:
              app:
                image: {image}
                depends_on: [dep]
              dep:
                image: busybox:latest
                command: ["sleep", "3600"]
            """);

        var run = await project.RunAsync("run", "-d", "app");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n'), text => text.Contains("cannot pull", StringComparison.Ordinal));
        Assert.StartsWith($"error: service \"app\": cannot pull {image}: ", line, StringComparison.Ordinal);
        await registry.AssertNothingCreatedAsync(project.Name);
    }

    [Fact]
    public async Task Run_pull_option_replaces_the_services_pull_policy()
    {
        var image = await registry.PublishBusyboxAsync("runpullopt");
        await using var project = new EngineProject("services:\n" + ComposeSnippets.Sleeper("app", image));
        try
        {
            var never = await project.RunAsync("run", "-d", "--pull", "never", "app");
            Assert.Equal(1, never.ExitCode);
            Assert.Contains($"service \"app\": image {image} not found locally and pull_policy is never", never.Error, StringComparison.Ordinal);
            await registry.AssertNothingCreatedAsync(project.Name);

            var first = await project.RunAsync("run", "-d", "--pull", "always", "app");
            Assert.True(first.ExitCode == 0, first.Error);
            Assert.Contains(" Service app  Pulled", first.Error, StringComparison.Ordinal);

            var again = await project.RunAsync("run", "-d", "--pull", "always", "app");
            Assert.True(again.ExitCode == 0, again.Error);
            Assert.Contains(" Service app  Pulled", again.Error, StringComparison.Ordinal);

            var byPolicy = await project.RunAsync("run", "-d", "app");
            Assert.True(byPolicy.ExitCode == 0, byPolicy.Error);
            Assert.DoesNotContain("Pulled", byPolicy.Error, StringComparison.Ordinal);
            Assert.Equal(3, (await ContainersAsync(project)).Count);
        }
        finally
        {
            await project.RunAsync("down", "-t", "0");
            await registry.Engine.Images.RemoveAsync(image, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Pull_policy_build_builds_again_on_every_up_and_run()
    {
        await using var project = new EngineProject("""
            services:
              app:
                build: .
                command: ["sleep", "3600"]
                stop_signal: SIGKILL
            """);
        File.WriteAllText(Path.Combine(project.Directory, "Dockerfile"), "FROM busybox:latest\nLABEL org.composer.test=pull-policy-build\n");
        try
        {
            var first = await project.RunAsync("up", "-d");
            Assert.True(first.ExitCode == 0, first.Error);
            Assert.Contains(" Service app  Built", first.Error, StringComparison.Ordinal);
            var unchanged = await project.RunAsync("up", "-d");
            Assert.DoesNotContain("Built", unchanged.Error, StringComparison.Ordinal);

            File.AppendAllText(Path.Combine(project.Directory, "compose.yaml"), "\n    pull_policy: build\n");
            var up = await project.RunAsync("up", "-d");
            Assert.True(up.ExitCode == 0, up.Error);
            Assert.Contains(" Service app  Built", up.Error, StringComparison.Ordinal);

            var run = await project.RunAsync("run", "-d", "app");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.Contains(" Service app  Built", run.Error, StringComparison.Ordinal);

            var noBuild = await project.RunAsync("up", "-d", "--no-build");
            Assert.True(noBuild.ExitCode == 0, noBuild.Error);
            Assert.DoesNotContain("Built", noBuild.Error, StringComparison.Ordinal);
        }
        finally
        {
            await project.RunAsync("down", "-t", "0", "--rmi", "local");
        }
    }

    private Task<IReadOnlyList<Composer.Engine.Contracts.ContainerSummary>> ContainersAsync(EngineProject project) =>
        registry.Engine.ListContainersAsync(ProjectObserver.ProjectLabel(project.Name), CancellationToken.None);
}
