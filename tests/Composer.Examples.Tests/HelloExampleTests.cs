using Composer.Examples.Tests.Support;

namespace Composer.Examples.Tests;

/// <summary>examples/hello: a busybox web server and a client that waits for it to be healthy.</summary>
public sealed class HelloExampleTests
{
    [Fact]
    public async Task The_page_is_served_and_both_containers_stop_on_SIGTERM_not_SIGKILL()
    {
        await using var stack = ExampleStack.Copy("hello");

        await stack.SucceedAsync("up", "-d", "--wait");
        Assert.Equal("hello from composer\n", await LocalHttp.GetAsync(18080, "/"));

        // With the default grace period: 143 is 128 + SIGTERM (15); a container that ignored it would show 137 (SIGKILL).
        await stack.SucceedAsync("stop");
        var containers = await stack.ContainersAsync();
        Assert.Equal(2, containers.Count);
        Assert.All(containers, container => Assert.Contains("Exited (143)", container.Status, StringComparison.Ordinal));

        await stack.SucceedAsync("down", "-v");
        var left = await stack.ResourcesAsync();
        Assert.True(left.IsEmpty, $"left after down -v: {left}");
    }
}
