using System.Diagnostics;

namespace Composer.EndToEnd.Tests.Support;

/// <summary>Runs the built CLI once with the given text on its stdin (then closed), as in <c>echo hi | composer ...</c>.</summary>
internal static class PipedCli
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string workingDirectory, string input, TimeSpan limit, params string[] arguments)
    {
        var start = CliLocation.StartInfo(workingDirectory, arguments);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"composer {string.Join(' ', arguments)} did not finish within {limit}");
        }

        return (process.ExitCode, await output, await error);
    }
}
