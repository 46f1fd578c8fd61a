using System.Diagnostics;

namespace Composer.Swarm.Tests;

public sealed record ProcessResult(int ExitCode, string Output, string Error);

/// <summary>Runs helper processes (setup script, docker CLI, wget inside the hub namespace) with a deadline.</summary>
internal static class Processes
{
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', start.ArgumentList)} did not finish in time");
        }

        return new ProcessResult(process.ExitCode, await output, await error);
    }
}

/// <summary>The docker CLI (it has docker stack) against one node of the test swarm.</summary>
internal static class Docker
{
    public static Task<ProcessResult> RunAsync(string host, params string[] arguments) =>
        Processes.RunAsync("docker", arguments, new Dictionary<string, string> { ["DOCKER_HOST"] = host });

    public static async Task<string> OkAsync(string host, params string[] arguments)
    {
        var result = await RunAsync(host, arguments);
        Assert.True(result.ExitCode == 0, $"docker {string.Join(' ', arguments)}: {result.Error}");
        return result.Output;
    }

    /// <summary>An HTTP GET from the hub namespace (the only place node addresses are reachable); null when it fails.</summary>
    public static async Task<string?> FetchAsync(string address, int port, string path = "/")
    {
        var result = await Processes.RunAsync("ip", ["netns", "exec", TestSwarm.Hub, "wget", "-qO-", "-T", "3", $"http://{address}:{port}{path}"]);
        return result.ExitCode == 0 ? result.Output : null;
    }
}
