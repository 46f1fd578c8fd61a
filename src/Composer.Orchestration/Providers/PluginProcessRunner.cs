using System.Diagnostics;

namespace Composer.Orchestration.Providers;

/// <summary><see cref="IPluginProcessRunner"/> on operating-system processes.</summary>
public sealed class PluginProcessRunner : IPluginProcessRunner
{
    public async Task<PluginExit> RunAsync(PluginInvocation invocation, Func<string, bool> onOutputLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(invocation.Path)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in invocation.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Clear();
        foreach (var (key, value) in invocation.Environment)
        {
            start.Environment[key] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{invocation.Path} did not start");
        process.StandardInput.Close();
        var lastErrorLine = ReadLastLineAsync(process.StandardError);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cancellationToken) is { } line)
            {
                if (!onOutputLine(line))
                {
                    Kill(process);
                    break;
                }
            }

            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            Kill(process);
            throw;
        }

        return new PluginExit(process.ExitCode, await lastErrorLine);
    }

    private static async Task<string?> ReadLastLineAsync(StreamReader reader)
    {
        string? last = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (!string.IsNullOrWhiteSpace(line))
            {
                last = line.Trim();
            }
        }

        return last;
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // It ended by itself meanwhile.
        }
    }
}
