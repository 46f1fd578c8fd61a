using System.Net;
using System.Net.Sockets;
using Composer.EndToEnd.Tests.Support;
using Composer.Model;

namespace Composer.EndToEnd.Tests;

/// <summary>composer run against the real engine: one-off containers, their labels, dependencies and clean-up.</summary>
public sealed class RunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Run_rm_returns_the_exit_code_and_leaves_no_container_behind()
    {
        await using var stack = new StackFolder("runrm", InteractiveStacks.WebWithDatabase);

        var (code, cli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("run", "--rm", "--no-deps", "web", "sh", "-c", "echo ran; exit 4"));

        Assert.Equal(4, code);
        Assert.Contains("ran", cli.Output, StringComparison.Ordinal);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Run_starts_the_dependencies_first_unless_no_deps()
    {
        await using var stack = new StackFolder("rundeps", InteractiveStacks.WebWithDatabase);

        Assert.Equal(0, (await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("run", "--rm", "--no-deps", "web", "true"))).ExitCode);
        Assert.DoesNotContain(await stack.ContainersAsync(CancellationToken.None), container => container.Labels[ComposeLabels.Service] == "db");

        Assert.Equal(0, (await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("run", "--rm", "web", "true"))).ExitCode);
        var db = Assert.Single(await stack.ContainersAsync(CancellationToken.None));
        Assert.Equal(($"{stack.ProjectName}-db-1", "running", "False"), (db.Name, db.State, db.Labels[ComposeLabels.OneOff]));
    }

    [Fact]
    public async Task Run_applies_environment_entrypoint_and_volume()
    {
        await using var stack = new StackFolder("runopts", InteractiveStacks.WebWithDatabase);
        File.WriteAllText(Path.Combine(stack.Directory, "note.txt"), "from the host");

        var (code, cli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments(
            "run", "--rm", "--no-deps", "-T", "-e", "EXTRA=given", "-v", "./note.txt:/data/note.txt:ro", "--entrypoint", "sh -c", "web",
            "echo $EXTRA $FROM_SERVICE; cat /data/note.txt"));

        Assert.Equal(0, code);
        Assert.Equal("given web-value\nfrom the host", cli.Output.Trim());
    }

    [Fact]
    public async Task Run_detached_prints_the_one_off_name_publishes_on_loopback_and_down_removes_it()
    {
        await using var stack = new StackFolder("runport", InteractiveStacks.WebWithDatabase);
        var port = FreeLoopbackPort();

        var (code, cli) = await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments(
            "run", "-d", "--no-deps", "-p", $"127.0.0.1:{port}:8080", "web", "httpd", "-f", "-p", "8080", "-h", "/tmp"));

        Assert.Equal(0, code);
        var name = cli.Output.Trim();
        Assert.Matches($"^{stack.ProjectName}-web-run-[0-9a-f]{{12}}$", name);
        var oneOff = Assert.Single(await stack.ContainersAsync(CancellationToken.None));
        Assert.Equal((name, "True"), (oneOff.Name, oneOff.Labels[ComposeLabels.OneOff]));
        Assert.Equal(HttpStatusCode.NotFound, await FirstAnswerAsync($"http://127.0.0.1:{port}/missing"));

        Assert.Equal(0, (await CliProcess.RunAsync(stack.Directory, Limit, stack.Arguments("down", "-t", "1"))).ExitCode);
        Assert.Empty(await stack.ContainersAsync(CancellationToken.None));
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // httpd needs a moment to listen: ask until it answers, within the limit.
    private static async Task<HttpStatusCode> FirstAnswerAsync(string url)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        using var timeout = new CancellationTokenSource(Limit);
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(url, timeout.Token);
                return response.StatusCode;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
    }
}
