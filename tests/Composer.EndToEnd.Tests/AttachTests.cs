using Composer.EndToEnd.Tests.Support;

namespace Composer.EndToEnd.Tests;

/// <summary>composer attach against the real engine.</summary>
public sealed class AttachTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Attach_follows_the_output_and_ctrl_c_detaches_leaving_the_container_running()
    {
        await using var stack = new StackFolder("attach", InteractiveStacks.Ticker);
        Assert.Equal(0, (await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("up", "-d"))).ExitCode);

        using var attach = CliProcess.Start(stack.Directory, stack.Arguments("attach", "--no-stdin", "ticker"));
        await WaitForOutputAsync(attach, "tick");
        attach.Interrupt();

        Assert.Equal(130, await attach.WaitForExitAsync(Limit));
        Assert.Equal("running", Assert.Single(await stack.ContainersAsync(CancellationToken.None)).State);
    }

    private static async Task WaitForOutputAsync(CliProcess process, string text)
    {
        using var timeout = new CancellationTokenSource(Limit);
        while (!process.Output.Contains(text, StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }
}
