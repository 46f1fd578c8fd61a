using System.Text.RegularExpressions;
using Composer.EndToEnd.Tests.Support;
using Composer.Model;

namespace Composer.EndToEnd.Tests;

/// <summary>An up killed with SIGKILL at a bad moment: the next up must still converge, with nothing doubled or left over.</summary>
public sealed class InterruptedUpTests
{
    private const int ServiceCount = 8;
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task An_up_killed_while_creating_is_completed_by_the_next_up()
    {
        await using var stack = new StackFolder("kill", Stacks.Sleepers(ServiceCount));
        using (var first = CliProcess.Start(stack.Directory, stack.Arguments("up", "-d")))
        {
            await stack.UntilAsync(containers => containers.Count > 0, Limit, "the first container of the project");
            first.KillHard();
            await first.WaitForExitAsync(Limit);
        }

        var (exitCode, second) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));

        Assert.True(exitCode == 0, second.Error);
        await AssertConvergedAsync(stack);
    }

    [Fact]
    public async Task An_up_killed_while_recreating_is_completed_by_the_next_up()
    {
        await using var stack = new StackFolder("recr", Stacks.Sleepers(ServiceCount));
        var (setUp, setUpProcess) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));
        Assert.True(setUp == 0, setUpProcess.Error);
        stack.Write(Stacks.Sleepers(ServiceCount, environment: "two"));
        using (var recreate = CliProcess.Start(stack.Directory, stack.Arguments("up", "-d")))
        {
            await stack.UntilAsync(containers => containers.Any(container => IsTemporary(stack, container.Name)), Limit, "a replacement container");
            recreate.KillHard();
            await recreate.WaitForExitAsync(Limit);
        }

        var (exitCode, second) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"));

        Assert.True(exitCode == 0, second.Error);
        await AssertConvergedAsync(stack);
    }

    private static bool IsTemporary(StackFolder stack, string name) =>
        !Regex.IsMatch(name, $"^{stack.ProjectName}-s[0-9]+-1$");

    private static async Task AssertConvergedAsync(StackFolder stack)
    {
        using var timeout = new CancellationTokenSource(Limit);
        var containers = await stack.ContainersAsync(timeout.Token);
        var expected = Enumerable.Range(1, ServiceCount).Select(index => $"{stack.ProjectName}-s{index}-1").Order(StringComparer.Ordinal);
        Assert.Equal(expected, containers.Select(container => container.Name).Order(StringComparer.Ordinal));
        foreach (var container in containers)
        {
            var inspected = await stack.Engine.InspectContainerAsync(container.Id, timeout.Token);
            Assert.NotNull(inspected);
            Assert.True(inspected.Running, $"{container.Name} is {inspected.State}");
            Assert.Equal("1", inspected.Labels[ComposeLabels.ContainerNumber]);
        }

        var perService = containers.GroupBy(container => (container.Labels[ComposeLabels.Service], container.Labels[ComposeLabels.ContainerNumber]));
        Assert.All(perService, group => Assert.Single(group));

        // The configuration that won is the latest one: a third up has nothing left to do.
        var (exitCode, third) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("--dry-run", "up", "-d"));
        Assert.True(exitCode == 0, third.Error);
        Assert.DoesNotContain("Create", third.Output + third.Error, StringComparison.OrdinalIgnoreCase);
    }
}
