namespace Composer.Swarm.Tests;

[Collection(SwarmCollection.Name)]
public sealed class UpdateTests
{
    private const string File = """
        services:
          web:
            image: ${IMAGE}
            command: ["httpd", "-f", "-p", "8080", "-h", "/var/www"]
            stop_signal: SIGKILL
            healthcheck: { test: ["CMD", "${CHECK:-true}"], interval: 1s, retries: 2 }
            deploy:
              replicas: 2
              endpoint_mode: dnsrr
              update_config: { order: start-first, parallelism: 2, monitor: 2s, failure_action: rollback }
              rollback_config: { parallelism: 2, monitor: 1s }
        """;

    [Fact]
    public async Task A_start_first_update_rolls_out_a_rollback_goes_back_and_a_failing_update_is_rolled_back()
    {
        using var folder = new StackFolder("roll").Write("compose.yaml", File);
        folder.Environment["IMAGE"] = "busybox:local";
        await folder.OkAsync("stack", "deploy", "roll");

        folder.Environment["IMAGE"] = "busybox:v2";
        Assert.Equal("#1 UpdateService roll_web (image busybox:local -> busybox:v2)\n", await folder.OkAsync("--dry-run", "stack", "deploy", "roll", "--resolve-image", "never"));
        await folder.OkAsync("stack", "deploy", "roll");
        Assert.Equal(["busybox:v2", "busybox:v2"], await RunningImagesAsync());
        Assert.Equal("start-first", await Swarm.InspectAsync("roll_web", "{{.Spec.UpdateConfig.Order}}"));

        await folder.OkAsync("stack", "rollback", "web");
        await Swarm.UntilAsync(async () => (await RunningImagesAsync()).SequenceEqual(["busybox:local", "busybox:local"]), TimeSpan.FromSeconds(60), "rollback to busybox:local");

        folder.Environment["IMAGE"] = "busybox:v2";
        await folder.OkAsync("stack", "deploy", "roll");
        folder.Environment["CHECK"] = "false";
        var failed = await folder.ComposerAsync("stack", "deploy", "roll", "--wait-timeout", "120");

        Assert.Equal(1, failed.ExitCode);
        Assert.Contains("error: service web: update of roll_web failed and was rolled back", failed.Error);
        Assert.Contains("true", await Swarm.InspectAsync("roll_web", "{{.Spec.TaskTemplate.ContainerSpec.Healthcheck.Test}}"));
    }

    private static async Task<IReadOnlyList<string>> RunningImagesAsync() =>
        Swarm.Lines(await Docker.OkAsync(TestSwarm.Manager, "service", "ps", "--filter", "desired-state=running", "--format", "{{.Image}} {{.CurrentState}}", "roll_web"))
            .Where(line => line.Contains(" Running", StringComparison.Ordinal)).Select(line => line.Split(' ')[0]).Order().ToList();
}
