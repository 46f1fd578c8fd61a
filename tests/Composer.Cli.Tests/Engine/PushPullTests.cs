using System.Text;

namespace Composer.Cli.Tests.Engine;

[Collection(EngineCollection.Name)]
public sealed class PushPullTests(PushPullRegistry registry) : IClassFixture<PushPullRegistry>
{
    private const string Secret = "TopSecret-4711";

    [Fact]
    public async Task Push_then_pull_moves_a_built_image_through_the_registry_and_never_prints_the_credentials()
    {
        await using var project = new EngineProject("");
        var image = $"{registry.Host}/{project.Name}/app:v1";
        File.WriteAllText(Path.Combine(project.Directory, "Dockerfile"), "FROM busybox:latest\nLABEL org.composer.test=push\n");
        File.WriteAllText(Path.Combine(project.Directory, "compose.yaml"), $"services:\n  app:\n    build: .\n    image: {image}\n");
        var dockerConfig = Directory.CreateTempSubdirectory("composer-docker-config-").FullName;
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes("pushuser:" + Secret));
        File.WriteAllText(Path.Combine(dockerConfig, "config.json"), "{\"auths\": {\"" + registry.Host + "\": {\"auth\": \"" + auth + "\"}}}");
        var environment = new Dictionary<string, string> { ["DOCKER_CONFIG"] = dockerConfig };
        try
        {
            Assert.Equal(0, (await project.RunAsync("build")).ExitCode);

            var push = await CliRunner.RunAsync(project.Directory, environment, null, "-p", project.Name, "--progress", "plain", "push");
            Assert.True(push.ExitCode == 0, push.Error);
            Assert.Contains("\"v1\"", await registry.TagsAsync($"{project.Name}/app"));

            Assert.True(await registry.Engine.Images.RemoveAsync(image, CancellationToken.None));
            var pull = await CliRunner.RunAsync(project.Directory, environment, null, "-p", project.Name, "--progress", "plain", "pull");
            Assert.True(pull.ExitCode == 0, pull.Error);
            var pulled = await registry.Engine.Images.InspectAsync(image, CancellationToken.None);
            Assert.NotNull(pulled);

            foreach (var printed in new[] { push.Output, push.Error, pull.Output, pull.Error })
            {
                Assert.DoesNotContain(Secret, printed);
                Assert.DoesNotContain(auth, printed);
            }
        }
        finally
        {
            await registry.Engine.Images.RemoveAsync(image, CancellationToken.None);
            Directory.Delete(dockerConfig, recursive: true);
        }
    }

    [Fact]
    public async Task Up_pulls_a_missing_image_before_creating_containers_and_always_pulls_again()
    {
        var image = await registry.PublishBusyboxAsync("pulltest");
        await using var project = new EngineProject("services:\n" + ComposeSnippets.Sleeper("tool", image));
        try
        {
            var up = await project.RunAsync("up", "-d");

            Assert.True(up.ExitCode == 0, up.Error);
            Assert.Contains("Pulled", up.Error);
            Assert.NotNull(await registry.Engine.Images.InspectAsync(image, CancellationToken.None));
            var container = Assert.Single(await registry.Engine.ListContainersAsync(Orchestration.Observation.ProjectObserver.ProjectLabel(project.Name), CancellationToken.None));
            Assert.Equal("running", container.State);

            var again = await project.RunAsync("up", "-d");
            Assert.DoesNotContain("Pulled", again.Error);

            File.WriteAllText(Path.Combine(project.Directory, "compose.yaml"),
                File.ReadAllText(Path.Combine(project.Directory, "compose.yaml")) + "\n    pull_policy: always\n");
            var always = await project.RunAsync("up", "-d");
            Assert.True(always.ExitCode == 0, always.Error);
            Assert.Contains("Pulled", always.Error);
        }
        finally
        {
            await project.RunAsync("down", "-t", "0");
            await registry.Engine.Images.RemoveAsync(image, CancellationToken.None);
        }
    }

    [Theory]
    [InlineData("never", "not found locally and pull_policy is never")]
    [InlineData("build", "not found locally and pull_policy is build, but the service has no build section")]
    public async Task A_missing_image_the_pull_policy_does_not_pull_stops_up_and_run_before_anything_is_created(string policy, string reason)
    {
        var image = $"{registry.Host}/absent{Guid.NewGuid().ToString("N")[..8]}/app:dev";
        await using var project = new EngineProject($"services:\n  app:\n    image: {image}\n    pull_policy: {policy}\n");

        foreach (var command in new[] { "up", "run" })
        {
            var result = await project.RunAsync(command, "-d", "app");

            Assert.Equal(1, result.ExitCode);
            Assert.Contains($"service \"app\": image {image} {reason}", result.Error, StringComparison.Ordinal);
            await registry.AssertNothingCreatedAsync(project.Name);
        }
    }

    [Fact]
    public async Task Pulling_from_a_registry_nobody_listens_on_fails_with_one_line_naming_image_and_registry()
    {
        var host = PushPullRegistry.UnreachableHost();
        var image = $"{host}/nowhere/app:1";
        await using var project = new EngineProject($"services:\n  app:\n    image: {image}\n");

        var pull = await project.RunAsync("pull");

        Assert.Equal(1, pull.ExitCode);
        var line = Assert.Single(pull.Error.Split('\n'), text => text.Contains("cannot pull"));
        Assert.Contains($"cannot pull {image}: registry {host} is not reachable (", line);
    }

    [Fact]
    public async Task Ignore_pull_failures_turns_the_failure_into_a_warning()
    {
        var image = $"{PushPullRegistry.UnreachableHost()}/nowhere/app:1";
        await using var project = new EngineProject($"services:\n  app:\n    image: {image}\n");

        var pull = await project.RunAsync("pull", "--ignore-pull-failures");

        Assert.Equal(0, pull.ExitCode);
        Assert.Contains("is not reachable", pull.Error);
    }

    [Fact]
    public async Task Pull_quiet_prints_nothing_and_ignore_buildable_skips_services_with_a_build_section()
    {
        var image = await registry.PublishBusyboxAsync("quiettest");
        await using var project = new EngineProject($"""
            services:
              tool:
                image: {image}
              built:
                build: .
                image: {PushPullRegistry.UnreachableHost()}/quiettest/built:1
            """);
        File.WriteAllText(Path.Combine(project.Directory, "Dockerfile"), "FROM busybox:latest\n");
        try
        {
            var pull = await project.RunAsync("pull", "-q", "--ignore-buildable");

            Assert.True(pull.ExitCode == 0, pull.Error);
            Assert.Equal("", pull.Error);
            Assert.NotNull(await registry.Engine.Images.InspectAsync(image, CancellationToken.None));
        }
        finally
        {
            await registry.Engine.Images.RemoveAsync(image, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Pull_shows_each_layer_on_a_terminal_and_one_line_per_image_in_plain_and_json()
    {
        await using var project = new EngineProject("");
        var image = $"{registry.Host}/{project.Name}/layers:1";
        // A layer of its own (the engine will download and extract it) on top of busybox's (which it already has).
        File.WriteAllText(Path.Combine(project.Directory, "Dockerfile"), $"FROM busybox:latest\nRUN echo {project.Name} > /unique\n");
        File.WriteAllText(Path.Combine(project.Directory, "compose.yaml"), $"services:\n  app:\n    build: .\n    image: {image}\n");
        try
        {
            // The classic builder: BuildKit keeps the new layer in its build cache after the image is removed, so the
            // pull below would find it there ("Already exists") instead of downloading it.
            var classic = new Dictionary<string, string> { ["DOCKER_BUILDKIT"] = "0" };
            Assert.Equal(0, (await CliRunner.RunAsync(project.Directory, classic, null, "-p", project.Name, "--progress", "plain", "build")).ExitCode);
            Assert.Equal(0, (await project.RunAsync("push")).ExitCode);

            Assert.True(await registry.Engine.Images.RemoveAsync(image, CancellationToken.None));
            var tty = await CliRunner.RunAsync(project.Directory, "-p", project.Name, "--progress", "tty", "pull");
            Assert.True(tty.ExitCode == 0, tty.Error);
            Assert.Matches(@"[0-9a-f]{12}\s+Pull complete\s+[0-9.]+[kM]?B/[0-9.]+[kM]?B", tty.Error);
            Assert.Matches(@"[0-9a-f]{12}\s+Already exists", tty.Error);
            Assert.Matches(@"Service app\s+Pulled", tty.Error);

            Assert.True(await registry.Engine.Images.RemoveAsync(image, CancellationToken.None));
            var plain = await project.RunAsync("pull");
            Assert.True(plain.ExitCode == 0, plain.Error);
            Assert.Matches(@"^ Service app  Pulled [0-9.]+s\n$", plain.Error.Replace("\r", string.Empty));

            Assert.True(await registry.Engine.Images.RemoveAsync(image, CancellationToken.None));
            var json = await CliRunner.RunAsync(project.Directory, "-p", project.Name, "--progress", "json", "pull");
            Assert.True(json.ExitCode == 0, json.Error);
            Assert.Equal("", json.Output);
            var objects = json.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(2, objects.Length);
            Assert.All(objects, line => Assert.Equal("service", System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("kind").GetString()));
        }
        finally
        {
            await registry.Engine.Images.RemoveAsync(image, CancellationToken.None);
        }
    }
}
