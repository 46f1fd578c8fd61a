using System.Text.Json;
using Composer.Examples.Tests.Support;

namespace Composer.Examples.Tests;

/// <summary>examples/model-api: a training job, an API that serves its model, and nginx over the API's replicas.</summary>
public sealed class ModelApiExampleTests
{
    private static readonly TimeSpan ReplicaLimit = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Train_completes_before_the_api_which_answers_predictions_of_the_fitted_line_through_the_proxy_across_down_and_up()
    {
        await using var stack = ExampleStack.Copy("model-api");
        var port = stack.PortFromEnvFile("PROXY_PORT");

        await stack.SucceedAsync("up", "-d", "--wait");

        var train = Assert.Single(await stack.ContainersAsync("train"));
        Assert.Equal("exited", train.State);
        Assert.Contains("Exited (0)", train.Status, StringComparison.Ordinal);
        using var answer = JsonDocument.Parse(await LocalHttp.GetAsync(port, "/predict?x=3"));
        // points.csv lies close to y = 2x + 1.
        Assert.InRange(answer.RootElement.GetProperty("prediction").GetDouble(), 6.5, 7.5);
        Assert.False(string.IsNullOrEmpty(answer.RootElement.GetProperty("hostname").GetString()));

        // The README's retraining step: edit the data, `up -d --wait` again; train runs again and the API serves the new line.
        stack.WriteFile("data/points.csv", "x,y\n0,1\n1,4\n2,7\n3,10\n4,13\n");
        await stack.SucceedAsync("up", "-d", "--wait");
        using var retrained = JsonDocument.Parse(await LocalHttp.GetAsync(port, "/predict?x=3"));
        Assert.InRange(retrained.RootElement.GetProperty("prediction").GetDouble(), 9.9, 10.1);

        // Stopped with the default grace period, the Python API ends on SIGTERM (143), not a SIGKILL (137).
        await stack.SucceedAsync("stop", "api");
        Assert.Contains("Exited (143)", Assert.Single(await stack.ContainersAsync("api")).Status, StringComparison.Ordinal);

        await stack.SucceedAsync("down", "-t", "1");
        var afterDown = await stack.ResourcesAsync();
        Assert.Empty(afterDown.Containers);
        Assert.Equal([$"{stack.ProjectName}_models"], afterDown.Volumes);
        await stack.SucceedAsync("up", "-d", "--wait");
        using var again = JsonDocument.Parse(await LocalHttp.GetAsync(port, "/predict?x=3"));
        Assert.InRange(again.RootElement.GetProperty("prediction").GetDouble(), 9.9, 10.1);

        await stack.SucceedAsync("down", "-v", "-t", "1");
        var left = await stack.ResourcesAsync();
        Assert.True(left.IsEmpty, $"left after down -v: {left}");
    }

    [Fact]
    public async Task Scaling_the_api_to_three_replicas_makes_three_hostnames_answer_through_nginx()
    {
        await using var stack = ExampleStack.Copy("model-api");
        var port = stack.PortFromEnvFile("PROXY_PORT");
        await stack.SucceedAsync("up", "-d", "--wait");
        Assert.Single(await HostnamesSeenAsync(port, expected: 1));

        await stack.SucceedAsync("scale", "api=3");

        Assert.Equal(3, (await stack.ContainersAsync("api")).Count(container => container.State == "running"));
        Assert.Equal(3, (await HostnamesSeenAsync(port, expected: 3)).Count);
        // nginx writes its access log to stdout, as the official image does.
        Assert.Contains("\"GET /predict?x=1 HTTP/1.1\" 200", await stack.SucceedAsync("logs", "proxy"), StringComparison.Ordinal);
    }

    /// <summary>Asks the proxy until it has seen the expected number of different replicas answer.</summary>
    private static async Task<HashSet<string>> HostnamesSeenAsync(int port, int expected)
    {
        var hostnames = new HashSet<string>(StringComparer.Ordinal);
        await LocalHttp.UntilAsync(port, "/predict?x=1", body =>
        {
            using var answer = JsonDocument.Parse(body);
            hostnames.Add(answer.RootElement.GetProperty("hostname").GetString()!);
            return hostnames.Count >= expected;
        }, ReplicaLimit, $"{expected} replicas answering");
        return hostnames;
    }
}
