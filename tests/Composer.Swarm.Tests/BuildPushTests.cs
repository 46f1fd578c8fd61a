namespace Composer.Swarm.Tests;

/// <summary><c>stack deploy --build --push</c>: built on the manager, pushed to the test swarm's registry, pulled by every node.</summary>
[Collection(SwarmCollection.Name)]
public sealed class BuildPushTests
{
    [Fact]
    public async Task Build_and_push_let_every_node_pull_the_image_and_a_build_without_image_is_refused()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        var image = $"{TestSwarm.Registry}/built-app:{tag}";
        using var folder = new StackFolder("built").Write("compose.yaml", $$"""
            services:
              app:
                build: ./app
                image: {{image}}
                command: ["httpd", "-f", "-p", "8080", "-h", "/srv"]
                stop_signal: SIGKILL
                ports:
                  - target: 8080
                    published: 18193
                    mode: host
                deploy:
                  replicas: 3
                  endpoint_mode: dnsrr
                  placement:
                    max_replicas_per_node: 1
            """).Write("app/Dockerfile", $"FROM busybox:local\nRUN mkdir /srv && echo built {tag} > /srv/index.html\n")
            .Write("nameless.yaml", """
            services:
              app:
                build: ./app
            """);
        try
        {
            Assert.Equal($"BuildImage {image} for app\nPushImage {image} for app\n#1 CreateNetwork built_default (new network)\n#2 CreateService built_app (new service) <- #1\n",
                await folder.OkAsync("--dry-run", "stack", "deploy", "built", "--build", "--push"));

            var deploy = await folder.ComposerAsync("stack", "deploy", "built", "--build", "--push");

            Assert.True(deploy.ExitCode == 0, deploy.Error);
            Assert.DoesNotContain("build is ignored", deploy.Error, StringComparison.Ordinal);
            Assert.Equal(["swn1", "swn2", "swn3"], (await Swarm.RunningNodesAsync("built_app")).Order());
            foreach (var node in new[] { 2, 3 })
            {
                // The workers had no such image: they pulled it from the registry (by digest, so untagged).
                Assert.Contains($"{TestSwarm.Registry}/built-app", await Docker.OkAsync(TestSwarm.Socket(node), "image", "ls", "--format", "{{.Repository}}"));
            }

            foreach (var node in new[] { 1, 2, 3 })
            {
                Assert.Equal($"built {tag}\n", await Docker.FetchAsync(TestSwarm.Address(node), 18193, "/index.html"));
            }

            Assert.Equal(image, await Swarm.InspectAsync("built_app", "{{index .Spec.Labels \"com.docker.stack.image\"}}"));

            var refused = await folder.ComposerAsync("-f", "nameless.yaml", "stack", "deploy", "nameless", "--build", "--push");
            Assert.Equal(1, refused.ExitCode);
            Assert.Contains("service \"app\": build without image cannot be deployed to a swarm: every node must pull the image; add image: (and use --build --push to publish it)", refused.Error);
            Assert.False(await Swarm.ExistsAsync("network", "nameless_default"));
            Assert.Equal("", (await Docker.OkAsync(TestSwarm.Manager, "image", "ls", "-q", "nameless-app")).Trim());
        }
        finally
        {
            await folder.ComposerAsync("stack", "rm", "built");
            await Swarm.RemoveImagesAsync("built", $"{TestSwarm.Registry}/built-app");
        }
    }
}
