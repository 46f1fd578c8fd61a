using Composer.Examples.Tests.Support;

namespace Composer.Examples.Tests;

/// <summary>
/// examples/web-db: a web service built from a Dockerfile in front of PostgreSQL and a Redis cache, each with its data
/// in a named volume.
/// </summary>
public sealed class WebDbExampleTests
{
    [Fact]
    public async Task Visits_in_postgres_and_hits_in_redis_survive_down_and_up_and_down_v_removes_everything()
    {
        await using var stack = ExampleStack.Copy("web-db");
        var port = stack.PortFromEnvFile("WEB_PORT");

        // --build: an image web-db-web:dev left by an older checkout would otherwise be used as it is.
        await stack.SucceedAsync("up", "-d", "--wait", "--build");
        AssertCounts(await LocalHttp.GetAsync(port, "/"), 1);
        AssertCounts(await LocalHttp.GetAsync(port, "/"), 2);
        var appendOnly = await stack.SucceedAsync("exec", "-T", "cache", "redis-cli", "config", "get", "appendonly");
        Assert.Equal(["appendonly", "yes"], appendOnly.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

        // Stopped with the default grace period, the Python web service ends on SIGTERM (143), not a SIGKILL (137).
        await stack.SucceedAsync("stop", "web");
        Assert.Contains("Exited (143)", Assert.Single(await stack.ContainersAsync("web")).Status, StringComparison.Ordinal);
        await stack.SucceedAsync("down", "-t", "1");
        var afterDown = await stack.ResourcesAsync();
        Assert.Empty(afterDown.Containers);
        Assert.Equal([$"{stack.ProjectName}_cache-data", $"{stack.ProjectName}_db-data"], afterDown.Volumes.Order(StringComparer.Ordinal));

        await stack.SucceedAsync("up", "-d", "--wait");
        AssertCounts(await LocalHttp.GetAsync(port, "/"), 3);

        await stack.SucceedAsync("down", "-v", "-t", "1");
        var afterDownV = await stack.ResourcesAsync();
        Assert.True(afterDownV.IsEmpty, $"left after down -v: {afterDownV}");
    }

    /// <summary>The page shows the rows PostgreSQL holds next to the counter Redis keeps; both count every GET /.</summary>
    private static void AssertCounts(string page, int expected)
    {
        Assert.Contains($"visits: {expected} (rows in PostgreSQL)\n", page, StringComparison.Ordinal);
        Assert.Contains($"hits: {expected} (counter in Redis)\n", page, StringComparison.Ordinal);
    }
}
