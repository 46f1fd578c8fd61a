namespace Composer.Swarm.Tests;

[Collection(SwarmCollection.Name)]
public sealed class ObjectsAndOrderTests
{
    [Fact]
    public async Task A_secret_and_a_config_are_readable_in_a_task_and_rotated_when_their_content_changes()
    {
        using var folder = new StackFolder("rot").Write("page.txt", "page one").Write("compose.yaml", """
            services:
              files:
                image: busybox:local
                command: ["sh", "-c", "mkdir -p /w && cp /run/secrets/token /w/token && cp /etc/page.txt /w/page && exec httpd -f -p 8080 -h /w"]
                stop_signal: SIGKILL
                ports: [{ target: 8080, published: 18192, mode: host }]
                deploy: { endpoint_mode: dnsrr, placement: { constraints: [node.hostname == swn1] } }
                secrets: [token]
                configs: [{ source: page, target: /etc/page.txt }]
            secrets:
              token: { environment: TOKEN }
            configs:
              page: { file: ./page.txt }
            """);
        folder.Environment["TOKEN"] = "secret one";
        await folder.OkAsync("stack", "deploy", "rot");
        Assert.Equal("secret one", await Docker.FetchAsync(TestSwarm.Address(1), 18192, "/token"));
        Assert.Equal("page one", await Docker.FetchAsync(TestSwarm.Address(1), 18192, "/page"));

        folder.Environment["TOKEN"] = "secret two";
        folder.Write("page.txt", "page two");
        var plan = await folder.OkAsync("--dry-run", "stack", "deploy", "rot");
        Assert.Contains("CreateSecret rot_token-", plan);
        Assert.Contains("(content changed, replaces rot_token)", plan);
        await folder.OkAsync("stack", "deploy", "rot");

        Assert.Equal("secret two", await Docker.FetchAsync(TestSwarm.Address(1), 18192, "/token"));
        Assert.Equal("page two", await Docker.FetchAsync(TestSwarm.Address(1), 18192, "/page"));
        var secrets = Swarm.Lines(await Docker.OkAsync(TestSwarm.Manager, "secret", "ls", "--format", "{{.Name}}", "--filter", "label=com.docker.stack.namespace=rot"));
        Assert.StartsWith("rot_token-", Assert.Single(secrets));
        var configs = Swarm.Lines(await Docker.OkAsync(TestSwarm.Manager, "config", "ls", "--format", "{{.Name}}", "--filter", "label=com.docker.stack.namespace=rot"));
        Assert.StartsWith("rot_page-", Assert.Single(configs));
    }

    [Fact]
    public async Task Dependents_start_after_their_dependencies_are_healthy_or_completed_and_reach_them_across_nodes()
    {
        using var folder = new StackFolder("order").Write("compose.yaml", """
            services:
              server:
                image: busybox:local
                command: ["sh", "-c", "sleep 2; touch /tmp/ready; exec httpd -f -p 8080 -h /var/www"]
                stop_signal: SIGKILL
                healthcheck: { test: ["CMD", "test", "-f", "/tmp/ready"], interval: 1s, retries: 30 }
                deploy: { endpoint_mode: dnsrr, placement: { constraints: [node.hostname == swn1] } }
              client:
                image: busybox:local
                command: ["wget", "-qO-", "http://server:8080/index.html"]
                depends_on: { server: { condition: service_healthy } }
                deploy: { mode: replicated-job, endpoint_mode: dnsrr, placement: { constraints: [node.hostname == swn3] } }
              after:
                image: busybox:local
                command: ["sleep", "1000000"]
                stop_signal: SIGKILL
                depends_on: { client: { condition: service_completed_successfully } }
                deploy: { endpoint_mode: dnsrr }
            """);

        await folder.OkAsync("stack", "deploy", "order");

        var serverRunning = await TaskTimeAsync("order_server", "running");
        var clientDone = await TaskTimeAsync("order_client", "complete");
        Assert.True(Swarm.Time(await Swarm.InspectAsync("order_client", "{{json .CreatedAt}}")) >= serverRunning, "client created before server was healthy");
        Assert.True(Swarm.Time(await Swarm.InspectAsync("order_after", "{{json .CreatedAt}}")) >= clientDone, "after created before client completed");
        var logs = await folder.OkAsync("stack", "logs", "client");
        Assert.Equal("client.0@swn3 | hello from busybox\n", logs);
    }

    private static async Task<DateTimeOffset> TaskTimeAsync(string service, string state)
    {
        var id = Swarm.Lines(await Docker.OkAsync(TestSwarm.Manager, "service", "ps", "-q", "--no-trunc", service))[0];
        Assert.Equal(state, (await Docker.OkAsync(TestSwarm.Manager, "inspect", "--format", "{{.Status.State}}", id)).Trim());
        return Swarm.Time(await Docker.OkAsync(TestSwarm.Manager, "inspect", "--format", "{{json .Status.Timestamp}}", id));
    }
}
