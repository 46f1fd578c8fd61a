namespace Composer.Swarm.Tests;

[Collection(SwarmCollection.Name)]
public sealed class CompatibilityTests
{
    private const string Sleeper = """
        services:
          app:
            image: busybox:local
            command: ["sleep", "1000000"]
            stop_signal: SIGKILL
            deploy: { replicas: 2, endpoint_mode: dnsrr }
        """;

    [Fact]
    public async Task Docker_stack_sees_and_removes_a_composer_stack()
    {
        using var folder = new StackFolder("ours").Write("compose.yaml", Sleeper);
        await folder.OkAsync("stack", "deploy", "ours");

        Assert.Contains("ours", await Docker.OkAsync(TestSwarm.Manager, "stack", "ls"));
        Assert.Equal(2, Swarm.Lines(await Docker.OkAsync(TestSwarm.Manager, "stack", "ps", "ours", "--filter", "desired-state=running", "-q")).Count);
        await Docker.OkAsync(TestSwarm.Manager, "stack", "rm", "ours");
        Assert.False(await Swarm.ExistsAsync("service", "ours_app"));
    }

    [Fact]
    public async Task Composer_lists_updates_and_removes_a_stack_docker_deployed()
    {
        using var folder = new StackFolder("theirs").Write("compose.yaml", Sleeper);
        await Docker.OkAsync(TestSwarm.Manager, "stack", "deploy", "--detach=false", "--resolve-image", "never", "-c", Path.Combine(folder.Path, "compose.yaml"), "theirs");

        Assert.Contains("theirs_app", await folder.OkAsync("stack", "services", "theirs"));
        Assert.Equal(2, Swarm.Lines(await folder.OkAsync("stack", "ps", "theirs", "--format", "json")).Count(line => line.Contains("\"DesiredState\":\"Running\"", StringComparison.Ordinal)));
        Assert.Equal("#1 UpdateService theirs_app (deployed without Composer's config hash)\n", await folder.OkAsync("--dry-run", "stack", "deploy", "theirs", "--resolve-image", "never"));

        await folder.OkAsync("stack", "rm", "theirs");
        Assert.False(await Swarm.ExistsAsync("service", "theirs_app"));
        Assert.False(await Swarm.ExistsAsync("network", "theirs_default"));
    }

    [Fact]
    public async Task A_file_using_env_include_extends_and_profiles_is_deployed()
    {
        using var folder = new StackFolder("full")
            .Write(".env", "TAG=v2\nREPLICAS=2\n")
            .Write("base.yaml", """
                services:
                  base:
                    command: ["sleep", "1000000"]
                    stop_signal: SIGKILL
                    deploy: { endpoint_mode: dnsrr }
                """)
            .Write("side/compose.yaml", """
                services:
                  side:
                    image: busybox:local
                    command: ["sleep", "1000000"]
                    stop_signal: SIGKILL
                    deploy: { endpoint_mode: dnsrr }
                """)
            .Write("compose.yaml", """
                include:
                  - side/compose.yaml
                services:
                  web:
                    extends: { file: base.yaml, service: base }
                    image: busybox:${TAG}
                    deploy:
                      replicas: ${REPLICAS}
                  debug:
                    image: busybox:local
                    command: ["sleep", "1000000"]
                    profiles: [debug]
                """);

        await folder.OkAsync("stack", "deploy");

        Assert.Equal("busybox:v2", await Swarm.InspectAsync("full_web", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"));
        Assert.Equal("2", await Swarm.InspectAsync("full_web", "{{.Spec.Mode.Replicated.Replicas}}"));
        Assert.Equal("dnsrr", await Swarm.InspectAsync("full_web", "{{.Spec.EndpointSpec.Mode}}"));
        Assert.True(await Swarm.ExistsAsync("service", "full_side"));
        Assert.False(await Swarm.ExistsAsync("service", "full_debug"));

        await folder.OkAsync("--profile", "debug", "stack", "deploy");
        Assert.True(await Swarm.ExistsAsync("service", "full_debug"));
    }
}
