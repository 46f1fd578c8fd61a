namespace Composer.Swarm.Tests;

[Collection(SwarmCollection.Name)]
public sealed class DeployTests
{
    private const string Web = """
        services:
          web:
            image: busybox:local
            command: ["httpd", "-f", "-p", "8080", "-h", "/var/www"]
            stop_signal: SIGKILL
            ports:
              - target: 8080
                published: 18191
                mode: host
            deploy:
              replicas: 3
              endpoint_mode: dnsrr
              placement:
                max_replicas_per_node: 1
        """;

    [Fact]
    public async Task Replicas_spread_over_the_nodes_answer_on_each_node_and_an_unchanged_redeploy_sends_nothing()
    {
        using var folder = new StackFolder("spread").Write("compose.yaml", Web);

        await folder.OkAsync("stack", "deploy", "spread");

        Assert.Equal(["swn1", "swn2", "swn3"], (await Swarm.RunningNodesAsync("spread_web")).Order());
        foreach (var node in new[] { 1, 2, 3 })
        {
            Assert.Equal("hello from busybox\n", await Docker.FetchAsync(TestSwarm.Address(node), 18191, "/index.html"));
        }

        Assert.Equal("spread", await Swarm.InspectAsync("spread_web", "{{index .Spec.Labels \"com.docker.stack.namespace\"}}"));
        Assert.Equal("busybox:local", await Swarm.InspectAsync("spread_web", "{{index .Spec.Labels \"com.docker.stack.image\"}}"));
        var version = await Swarm.InspectAsync("spread_web", "{{.Version.Index}}");
        Assert.Equal("", await folder.OkAsync("--dry-run", "stack", "deploy", "spread", "--resolve-image", "changed"));
        await folder.OkAsync("stack", "deploy", "spread");
        Assert.Equal(version, await Swarm.InspectAsync("spread_web", "{{.Version.Index}}"));

        Assert.Contains("spread_web", await Docker.OkAsync(TestSwarm.Manager, "stack", "services", "spread"));
        Assert.Contains("3/3", await folder.OkAsync("stack", "services", "spread"));
        var ps = await folder.OkAsync("stack", "ps", "spread", "--format", "json");
        Assert.Equal(3, Swarm.Lines(ps).Count(line => line.Contains("\"DesiredState\":\"Running\"", StringComparison.Ordinal)));
        Assert.Contains("spread", await folder.OkAsync("stack", "ls"));

        await folder.OkAsync("stack", "rm", "spread");
        Assert.False(await Swarm.ExistsAsync("service", "spread_web"));
        Assert.False(await Swarm.ExistsAsync("network", "spread_default"));
        Assert.Equal("", (await Docker.OkAsync(TestSwarm.Manager, "ps", "-q", "--filter", "label=com.docker.stack.namespace=spread")).Trim());
    }

    [Fact]
    public async Task A_node_label_constraint_places_every_task_on_that_node_and_an_impossible_one_fails_within_seconds()
    {
        using var folder = new StackFolder("zones").Write("compose.yaml", """
            services:
              b:
                image: busybox:local
                command: ["sleep", "1000000"]
                stop_signal: SIGKILL
                deploy:
                  replicas: 2
                  endpoint_mode: dnsrr
                  placement:
                    constraints: [node.labels.zone == b]
            """).Write("mars.yaml", """
            services:
              mars:
                image: busybox:local
                command: ["sleep", "1000000"]
                deploy:
                  placement:
                    constraints: [node.labels.zone == mars]
            """);

        await folder.OkAsync("stack", "deploy", "zones");
        Assert.Equal(["swn2", "swn2"], await Swarm.RunningNodesAsync("zones_b"));

        var started = DateTime.UtcNow;
        var impossible = await folder.ComposerAsync("-f", "mars.yaml", "stack", "deploy", "zones", "--wait-timeout", "60");
        Assert.Equal(1, impossible.ExitCode);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(20), "the failure should come within seconds");
        Assert.Contains("error: service mars: task zones_mars.1 cannot be placed: no suitable node (scheduling constraints not satisfied on 3 nodes); placement constraints: node.labels.zone == mars", impossible.Error);
    }

    [Fact]
    public async Task Prune_removes_services_that_left_the_file()
    {
        using var folder = new StackFolder("prune").Write("compose.yaml", """
            services:
              a: { image: busybox:local, command: ["sleep", "1000000"], stop_signal: SIGKILL, deploy: { endpoint_mode: dnsrr } }
              b: { image: busybox:local, command: ["sleep", "1000000"], stop_signal: SIGKILL, deploy: { endpoint_mode: dnsrr } }
            """).Write("only-a.yaml", """
            services:
              a: { image: busybox:local, command: ["sleep", "1000000"], stop_signal: SIGKILL, deploy: { endpoint_mode: dnsrr } }
            """);
        await folder.OkAsync("stack", "deploy", "prune");

        var kept = await folder.ComposerAsync("-f", "only-a.yaml", "stack", "deploy", "prune");
        Assert.Contains("service prune_b is not in the compose file; --prune removes it", kept.Error);
        Assert.True(await Swarm.ExistsAsync("service", "prune_b"));

        Assert.Equal("#1 RemoveService prune_b (not in the compose file (--prune))\n",
            await folder.OkAsync("-f", "only-a.yaml", "--dry-run", "stack", "deploy", "prune", "--prune", "--resolve-image", "never"));
        await folder.OkAsync("-f", "only-a.yaml", "stack", "deploy", "prune", "--prune");
        Assert.False(await Swarm.ExistsAsync("service", "prune_b"));
        Assert.True(await Swarm.ExistsAsync("service", "prune_a"));
    }

    [Fact]
    public async Task Scale_changes_replicas_up_and_down()
    {
        using var folder = new StackFolder("scale").Write("compose.yaml", """
            services:
              w: { image: busybox:local, command: ["sleep", "1000000"], stop_signal: SIGKILL, deploy: { endpoint_mode: dnsrr } }
            """);
        await folder.OkAsync("stack", "deploy", "scale");
        var image = await Swarm.InspectAsync("scale_w", "{{.Spec.TaskTemplate.ContainerSpec.Image}}");

        await folder.OkAsync("stack", "scale", "w=4");
        Assert.Equal(4, (await Swarm.RunningNodesAsync("scale_w")).Count);
        await folder.OkAsync("stack", "scale", "w=1");
        await Swarm.UntilAsync(async () => (await Swarm.RunningNodesAsync("scale_w")).Count == 1, TimeSpan.FromSeconds(30), "scale down to 1");
        Assert.Equal(image, await Swarm.InspectAsync("scale_w", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"));
    }

    [Fact]
    public async Task Not_a_manager_is_one_line_saying_how_to_fix_it()
    {
        using var folder = new StackFolder("worker").Write("compose.yaml", "services:\n  a: { image: busybox:local }\n");
        folder.Environment["DOCKER_HOST"] = TestSwarm.Socket(2);

        var result = await folder.ComposerAsync("stack", "ls");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: the engine at {TestSwarm.Socket(2)} is a swarm worker, not a manager: point DOCKER_HOST at a manager (`docker node ls` lists them), or promote this node with `docker node promote`",
            result.Error.Trim());
    }

    [Fact]
    public async Task A_file_that_fails_validation_changes_nothing()
    {
        using var folder = new StackFolder("invalid").Write("compose.yaml", """
            services:
              a:
                image: busybox:local
                privileged: true
            """);

        var result = await folder.ComposerAsync("stack", "deploy", "invalid");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("service \"a\": privileged cannot be deployed to a swarm", result.Error);
        Assert.False(await Swarm.ExistsAsync("network", "invalid_default"));
    }
}
