using System.Text.Json;
using Composer.Cli.Rendering;
using Composer.Orchestration.Progress;

namespace Composer.Cli.Tests.Rendering;

/// <summary>What the progress modes make of a BuildKit build's events (the build's own lines go to the build sink).</summary>
public sealed class BuildProgressRenderingTests
{
    private static readonly ProgressEvent[] Events =
    [
        new(ResourceKind.Service, "web", "Building", ProgressState.Working, TimeSpan.Zero),
        new(ResourceKind.BuildStep, "[2/5] RUN npm ci", "RUNNING", ProgressState.Working, TimeSpan.Zero) { Parent = "web" },
        new(ResourceKind.Service, "web", "[2/5] RUN npm ci", ProgressState.Working, TimeSpan.FromSeconds(1)),
        new(ResourceKind.BuildStep, "[2/5] RUN npm ci", "DONE", ProgressState.Done, TimeSpan.FromSeconds(3.2)) { Parent = "web" },
        new(ResourceKind.Service, "web", "Built", ProgressState.Done, TimeSpan.FromSeconds(4)),
    ];

    [Fact]
    public async Task Plain_leaves_steps_to_the_build_lines_and_prints_the_service_once_built()
    {
        var error = new StringWriter();
        await using (var renderer = new PlainProgress(error))
        {
            foreach (var progress in Events)
            {
                renderer.Report(progress);
            }
        }

        Assert.Equal(" Service web  Built 4.0s\n", error.ToString().Replace("\r", string.Empty));
    }

    [Fact]
    public async Task Json_names_each_step_with_its_service()
    {
        var error = new StringWriter();
        await using (var renderer = new JsonProgress(error))
        {
            foreach (var progress in Events)
            {
                renderer.Report(progress);
            }
        }

        var steps = error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .Where(line => line.GetProperty("kind").GetString() == "build_step")
            .ToList();
        Assert.Equal(2, steps.Count);
        Assert.All(steps, step => Assert.Equal("web", step.GetProperty("service").GetString()));
        Assert.Equal("DONE", steps[1].GetProperty("status").GetString());
        Assert.Equal(3200, steps[1].GetProperty("elapsed_ms").GetInt64());
    }

    [Fact]
    public async Task The_terminal_view_shows_the_running_step_on_the_services_line()
    {
        var error = new StringWriter();
        await using (var renderer = new TtyProgress(error, useColor: false))
        {
            foreach (var progress in Events.Take(3))
            {
                renderer.Report(progress);
            }
        }

        var screen = error.ToString();
        Assert.Contains("Service web", screen, StringComparison.Ordinal);
        Assert.Contains("[2/5] RUN npm ci", screen, StringComparison.Ordinal);
        Assert.DoesNotContain("RUNNING", screen, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_print_shows_the_definitions_as_json_without_an_engine()
    {
        using var project = new TempProject().With("compose.yaml", """
            name: shop
            services:
              web:
                build:
                  context: .
                  args: { MODE: prod }
                  cache_from:
                    - type=registry,ref=reg/web:cache
                  additional_contexts: { tools: "docker-image://busybox:latest" }
                  ssh: [default, "deploy=~/.ssh/id_ed25519"]
                image: shop/web:1
            """);

        var result = await CliRunner.RunAsync(project.Directory, "build", "--print");

        Assert.Equal(0, result.ExitCode);
        var web = JsonDocument.Parse(result.Output).RootElement.GetProperty("target").GetProperty("web");
        Assert.Equal("prod", web.GetProperty("args").GetProperty("MODE").GetString());
        Assert.Equal("shop/web:1", web.GetProperty("tags")[0].GetString());
        Assert.Equal("type=registry,ref=reg/web:cache", web.GetProperty("cache-from")[0].GetString());
        Assert.Equal("docker-image://busybox:latest", web.GetProperty("contexts").GetProperty("tools").GetString());
        Assert.Equal(["default", "deploy=~/.ssh/id_ed25519"], web.GetProperty("ssh").EnumerateArray().Select(entry => entry.GetString()));
    }
}
