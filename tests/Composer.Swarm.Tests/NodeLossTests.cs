namespace Composer.Swarm.Tests;

[Collection(SwarmCollection.Name)]
public sealed class NodeLossTests
{
    [Fact]
    public async Task Tasks_of_a_worker_whose_dockerd_is_killed_are_rescheduled_and_shown_in_stack_ps()
    {
        using var folder = new StackFolder("loss").Write("compose.yaml", """
            services:
              app:
                image: busybox:local
                command: ["sleep", "1000000"]
                stop_signal: SIGKILL
                deploy:
                  replicas: 3
                  endpoint_mode: dnsrr
                  placement: { max_replicas_per_node: 1 }
            """);
        await folder.OkAsync("stack", "deploy", "loss");
        Assert.Contains("swn3", await Swarm.RunningNodesAsync("loss_app"));
        // Lifting the one-per-node cap lets the swarm put swn3's replica elsewhere.
        folder.Write("compose.yaml", File.ReadAllText(Path.Combine(folder.Path, "compose.yaml")).Replace("placement: { max_replicas_per_node: 1 }", "placement: { max_replicas_per_node: 2 }"));
        await folder.OkAsync("stack", "deploy", "loss");

        var pid = File.ReadAllText($"{TestSwarm.Directory}/n3/pid").Trim();
        try
        {
            Assert.Equal(0, (await Processes.RunAsync("kill", [pid])).ExitCode);
            await Swarm.UntilAsync(async () =>
            {
                var nodes = await Swarm.RunningNodesAsync("loss_app");
                return nodes.Count == 3 && !nodes.Contains("swn3");
            }, TimeSpan.FromSeconds(90), "replicas rescheduled off swn3");

            var ps = await folder.OkAsync("stack", "ps", "loss");
            Assert.Equal(3, Swarm.Lines(ps).Count(line => line.Contains("Running", StringComparison.Ordinal) && !line.Contains("swn3", StringComparison.Ordinal)));
            Assert.Contains(Swarm.Lines(ps), line => line.Contains(" \\_ loss_app.", StringComparison.Ordinal) || (line.Contains("swn3", StringComparison.Ordinal) && !line.Contains("Running   Running", StringComparison.Ordinal)));
        }
        finally
        {
            var setup = await Processes.RunAsync("bash", [Path.Combine(TestSwarm.RepositoryRoot, "scripts/swarm/setup.sh")],
                new Dictionary<string, string> { ["NODES"] = "3" }, TimeSpan.FromMinutes(5));
            Assert.True(setup.ExitCode == 0, setup.Output + setup.Error);
        }
    }
}
