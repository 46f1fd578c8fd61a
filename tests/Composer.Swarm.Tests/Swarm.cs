namespace Composer.Swarm.Tests;

/// <summary>Engine state read through the docker CLI against the manager, and waits on it (no fixed sleeps).</summary>
internal static class Swarm
{
    /// <summary>Nodes of the service's tasks that should run (desired state running), one per task.</summary>
    public static async Task<IReadOnlyList<string>> RunningNodesAsync(string service) =>
        Lines(await Docker.OkAsync(TestSwarm.Manager, "service", "ps", "--filter", "desired-state=running", "--format", "{{.Node}} {{.CurrentState}}", service))
            .Where(line => line.Contains(" Running", StringComparison.Ordinal)).Select(line => line.Split(' ')[0]).ToList();

    public static async Task<string> InspectAsync(string service, string format) =>
        (await Docker.OkAsync(TestSwarm.Manager, "service", "inspect", "--format", format, service)).Trim();

    public static async Task<bool> ExistsAsync(string kind, string name) =>
        (await Docker.RunAsync(TestSwarm.Manager, kind, "inspect", name)).ExitCode == 0;

    /// <summary>A time as docker's <c>{{json ...}}</c> prints it (RFC 3339, quoted).</summary>
    public static DateTimeOffset Time(string json) =>
        DateTimeOffset.Parse(json.Trim().Trim('"'), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// Removes what a removed stack leaves on the nodes: the manager forgets its tasks before each node has stopped
    /// their containers, and the containers of completed job tasks stay on their nodes, as the stack's volumes do.
    /// </summary>
    public static async Task CleanNodesAsync(string stack)
    {
        var label = $"label=com.docker.stack.namespace={stack}";
        foreach (var node in new[] { 1, 2, 3 })
        {
            await UntilAsync(async () => (await Docker.RunAsync(TestSwarm.Socket(node), "ps", "-q", "--filter", label)).Output.Trim().Length == 0,
                TimeSpan.FromSeconds(60), $"the containers of stack {stack} stopped on node {node}");
            var exited = Lines((await Docker.RunAsync(TestSwarm.Socket(node), "ps", "-aq", "--filter", label)).Output).ToArray();
            if (exited.Length > 0)
            {
                await Docker.RunAsync(TestSwarm.Socket(node), ["rm", "-f", .. exited]);
            }

            var volumes = Lines((await Docker.RunAsync(TestSwarm.Socket(node), "volume", "ls", "-q", "--filter", label)).Output).ToArray();
            if (volumes.Length > 0)
            {
                await Docker.RunAsync(TestSwarm.Socket(node), ["volume", "rm", .. volumes]);
            }
        }
    }

    /// <summary>
    /// Removes a repository's names (tags, and digests of images pulled by digest) from every node, once the stack
    /// that ran them is cleaned. By name, never by id: the test images are often other names of busybox:local.
    /// </summary>
    public static async Task RemoveImagesAsync(string stack, string repository)
    {
        await CleanNodesAsync(stack);
        foreach (var node in new[] { 1, 2, 3 })
        {
            var listed = await Docker.RunAsync(TestSwarm.Socket(node), "image", "ls", "--digests", "--format", "{{.Repository}} {{.Tag}} {{.Digest}}", repository);
            var names = Lines(listed.Output).Select(line => line.Split(' ')).SelectMany(parts => new[]
            {
                parts[1] == "<none>" ? null : $"{parts[0]}:{parts[1]}",
                parts[2] == "<none>" ? null : $"{parts[0]}@{parts[2]}",
            }).OfType<string>().Distinct().ToArray();
            if (names.Length > 0)
            {
                await Docker.RunAsync(TestSwarm.Socket(node), ["image", "rm", .. names]);
            }
        }
    }

    public static IReadOnlyList<string> Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Polls until <paramref name="condition"/> holds, failing with <paramref name="what"/> after the limit.</summary>
    public static async Task UntilAsync(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out: " + what);
            await Task.Delay(250);
        }
    }
}
