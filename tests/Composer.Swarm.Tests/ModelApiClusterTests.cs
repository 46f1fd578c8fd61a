namespace Composer.Swarm.Tests;

/// <summary>examples/model-api's "On a cluster" section, step by step, on the 3-node test swarm.</summary>
[Collection(SwarmCollection.Name)]
public sealed class ModelApiClusterTests
{
    [Fact]
    public async Task The_example_is_built_pushed_deployed_spread_scaled_updated_and_removed_as_its_readme_says()
    {
        var setup = await Processes.RunAsync("bash", [Path.Combine(TestSwarm.RepositoryRoot, "scripts/swarm/setup.sh")], new Dictionary<string, string>
        {
            ["NODES"] = "3",
            ["SWARM_REGISTRY"] = "1",
            ["SWARM_IMAGES"] = "python:3.12-slim nginx:1.27",
        }, TimeSpan.FromMinutes(5));
        Assert.True(setup.ExitCode == 0, setup.Output + setup.Error);
        var example = Path.Combine(TestSwarm.RepositoryRoot, "examples/model-api");
        string[] cluster = ["-f", Path.Combine(example, "compose.yaml"), "-f", Path.Combine(example, "compose.cluster.yaml"), "-p", "mapi"];
        var tag = Guid.NewGuid().ToString("N")[..8];
        using var folder = new StackFolder("mapi");
        folder.Environment["API_TAG"] = $"{tag}-1";
        try
        {
            var deploy = await folder.ComposerAsync([.. cluster, "stack", "deploy", "--build", "--push"]);
            Assert.True(deploy.ExitCode == 0, deploy.Error);
            Assert.Contains("Service train  3/3 completed", deploy.Error);
            Assert.Equal(["swn1", "swn2", "swn3"], (await Swarm.RunningNodesAsync("mapi_api")).Order());
            var ps = await folder.OkAsync([.. cluster, "stack", "ps"]);
            Assert.Equal(3, Swarm.Lines(ps).Count(line => line.Contains("mapi_api.", StringComparison.Ordinal) && line.Contains("Running", StringComparison.Ordinal)));

            foreach (var node in new[] { 1, 2, 3 })
            {
                Assert.StartsWith("{\"x\": 3.0, \"prediction\": 7.0145, \"hostname\": ", await Docker.FetchAsync(TestSwarm.Address(node), 18082, "/predict?x=3"));
            }

            await folder.OkAsync([.. cluster, "stack", "scale", "api=5"]);
            Assert.Equal(5, (await Swarm.RunningNodesAsync("mapi_api")).Count);
            var hostnames = new HashSet<string>(StringComparer.Ordinal);
            await Swarm.UntilAsync(async () =>
            {
                hostnames.Add(await Docker.FetchAsync(TestSwarm.Address(3), 18082, "/predict?x=3") ?? "");
                return hostnames.Count(answer => answer.Contains("hostname", StringComparison.Ordinal)) >= 3;
            }, TimeSpan.FromSeconds(60), "three replicas answering through the proxy");

            folder.Environment["API_TAG"] = $"{tag}-2";
            await folder.OkAsync([.. cluster, "stack", "deploy", "--build", "--push"]);
            Assert.Equal("start-first", await Swarm.InspectAsync("mapi_api", "{{.Spec.UpdateConfig.Order}}"));
            var services = await folder.OkAsync([.. cluster, "stack", "services"]);
            Assert.Contains($"3/3", Swarm.Lines(services).Single(line => line.Contains("mapi_api", StringComparison.Ordinal)));
            Assert.Contains($"{TestSwarm.Registry}/model-api-api:{tag}-2", services);
            Assert.StartsWith("{\"x\": 3.0, \"prediction\": 7.0145", await Docker.FetchAsync(TestSwarm.Address(2), 18082, "/predict?x=3"));

            await folder.OkAsync([.. cluster, "stack", "rm"]);
            Assert.False(await Swarm.ExistsAsync("service", "mapi_api"));
            Assert.False(await Swarm.ExistsAsync("config", "mapi_points"));
            Assert.False(await Swarm.ExistsAsync("network", "mapi_default"));
        }
        finally
        {
            await folder.ComposerAsync("stack", "rm", "mapi");
            await Swarm.RemoveImagesAsync("mapi", $"{TestSwarm.Registry}/model-api-api");
        }
    }
}
