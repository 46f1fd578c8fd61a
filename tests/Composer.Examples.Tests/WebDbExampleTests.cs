using Composer.Examples.Tests.Support;

namespace Composer.Examples.Tests;

/// <summary>examples/web-db: a web service built from a Dockerfile in front of PostgreSQL with its data in a volume.</summary>
public sealed class WebDbExampleTests
{
    [Fact]
    public async Task Visits_are_stored_in_postgres_survive_down_and_up_and_down_v_removes_everything()
    {
        await using var stack = ExampleStack.Copy("web-db");
        var port = stack.PortFromEnvFile("WEB_PORT");

        await stack.SucceedAsync("up", "-d", "--wait");
        Assert.Contains("visits: 1\n", await LocalHttp.GetAsync(port, "/"));
        Assert.Contains("visits: 2\n", await LocalHttp.GetAsync(port, "/"));

        await stack.SucceedAsync("down", "-t", "1");
        var afterDown = await stack.ResourcesAsync();
        Assert.Empty(afterDown.Containers);
        Assert.Equal([$"{stack.ProjectName}_db-data"], afterDown.Volumes);

        await stack.SucceedAsync("up", "-d", "--wait");
        Assert.Contains("visits: 3\n", await LocalHttp.GetAsync(port, "/"));

        await stack.SucceedAsync("down", "-v", "-t", "1");
        var afterDownV = await stack.ResourcesAsync();
        Assert.True(afterDownV.IsEmpty, $"left after down -v: {afterDownV}");
    }
}
