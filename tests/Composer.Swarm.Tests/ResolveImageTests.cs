namespace Composer.Swarm.Tests;

/// <summary><c>stack deploy --resolve-image always|changed|never</c> against the test swarm's registry.</summary>
[Collection(SwarmCollection.Name)]
public sealed class ResolveImageTests
{
    [Fact]
    public async Task Images_are_pinned_to_the_registry_digest_changed_keeps_the_pin_always_follows_the_tag_and_an_unreachable_registry_warns()
    {
        var image = $"{TestSwarm.Registry}/pinned:{Guid.NewGuid().ToString("N")[..8]}";
        using var folder = new StackFolder("pin").Write("compose.yaml", $$"""
            services:
              app:
                image: {{image}}
                command: ["sleep", "1000000"]
                stop_signal: SIGKILL
                deploy: { replicas: 2, endpoint_mode: dnsrr }
              local:
                image: busybox:local
                command: ["sleep", "1000000"]
                stop_signal: SIGKILL
                deploy: { endpoint_mode: dnsrr }
            """);
        try
        {
            var first = await PublishAsync("busybox:local", image);

            var deploy = await folder.ComposerAsync("stack", "deploy", "pin");

            Assert.True(deploy.ExitCode == 0, deploy.Error);
            Assert.Equal($"{image}@{first}", await Swarm.InspectAsync("pin_app", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"));
            Assert.Equal(image, await Swarm.InspectAsync("pin_app", "{{index .Spec.Labels \"com.docker.stack.image\"}}"));
            Assert.Equal("linux/amd64", await Swarm.InspectAsync("pin_app", "{{range .Spec.TaskTemplate.Placement.Platforms}}{{.OS}}/{{.Architecture}}{{end}}"));
            // busybox:local exists only on the nodes: its registry (Docker Hub) is unreachable from the test swarm.
            Assert.Contains("image busybox:local could not be accessed on a registry to record its digest. Each node will access busybox:local independently", deploy.Error);
            Assert.Equal("busybox:local", await Swarm.InspectAsync("pin_local", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"));
            var versions = await VersionsAsync();

            // A new build under the same tag: changed does not ask (the image as written did not change), never neither.
            var second = await PublishAsync("busybox:v2", image);
            Assert.NotEqual(first, second);
            Assert.Equal("", await folder.OkAsync("--dry-run", "stack", "deploy", "pin", "--resolve-image", "changed"));
            await folder.OkAsync("stack", "deploy", "pin", "--resolve-image", "changed");
            await folder.OkAsync("stack", "deploy", "pin", "--resolve-image", "never");
            Assert.Equal(versions, await VersionsAsync());

            // always asks again and follows the tag to its new digest; only that service is updated.
            Assert.StartsWith($"#1 UpdateService pin_app (image {image}@{first} -> {image}@{second})\n",
                await folder.OkAsync("--dry-run", "stack", "deploy", "pin", "--resolve-image", "always"));
            await folder.OkAsync("stack", "deploy", "pin", "--resolve-image", "always");
            Assert.Equal($"{image}@{second}", await Swarm.InspectAsync("pin_app", "{{.Spec.TaskTemplate.ContainerSpec.Image}}"));
            Assert.Equal(versions[1], (await VersionsAsync())[1]);
            await Swarm.UntilAsync(async () => Swarm.Lines(await Docker.OkAsync(TestSwarm.Manager, "service", "ps", "--no-trunc", "--filter", "desired-state=running", "--format", "{{.Image}} {{.CurrentState}}", "pin_app"))
                .Count(line => line.StartsWith($"{image}@{second} Running", StringComparison.Ordinal)) == 2, TimeSpan.FromSeconds(60), "both tasks on the new digest");

            var bad = await folder.ComposerAsync("stack", "deploy", "pin", "--resolve-image", "sometimes");
            Assert.Equal(2, bad.ExitCode);
            Assert.Contains("invalid argument \"sometimes\" for \"--resolve-image\" flag: must be always, changed or never", bad.Error);
        }
        finally
        {
            await folder.ComposerAsync("stack", "rm", "pin");
            await Swarm.RemoveImagesAsync("pin", image[..image.LastIndexOf(':')]);
        }
    }

    /// <summary>Tags a node-local image under <paramref name="image"/> on the manager, pushes it and returns its digest.</summary>
    private static async Task<string> PublishAsync(string local, string image)
    {
        await Docker.OkAsync(TestSwarm.Manager, "tag", local, image);
        var push = await Docker.OkAsync(TestSwarm.Manager, "push", image);
        var digest = push.Split(' ').Single(word => word.StartsWith("sha256:", StringComparison.Ordinal));
        return digest;
    }

    private static async Task<List<string>> VersionsAsync() =>
    [
        await Swarm.InspectAsync("pin_app", "{{.Version.Index}}"),
        await Swarm.InspectAsync("pin_local", "{{.Version.Index}}"),
    ];
}
