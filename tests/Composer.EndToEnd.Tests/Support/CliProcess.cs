using System.Diagnostics;
using System.Text;

namespace Composer.EndToEnd.Tests.Support;

/// <summary>The built composer CLI running as its own process, with its output collected as it comes.</summary>
internal sealed class CliProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private CliProcess(Process process)
    {
        this.process = process;
    }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (error)
            {
                return error.ToString();
            }
        }
    }

    public int Id => process.Id;

    public static CliProcess Start(string workingDirectory, params string[] arguments) => Start(workingDirectory, null, arguments);

    /// <summary>Starts it with extra environment variables (e.g. DOCKER_HOST) on top of the test's own.</summary>
    public static CliProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        var start = CliLocation.StartInfo(workingDirectory, arguments);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, line) => cli.Append(cli.output, line.Data);
        process.ErrorDataReceived += (_, line) => cli.Append(cli.error, line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    /// <summary>Runs to the end and returns the exit code; fails the test when it takes longer than the limit.</summary>
    public static async Task<(int ExitCode, CliProcess Process)> RunAsync(string workingDirectory, TimeSpan limit, params string[] arguments)
    {
        var cli = Start(workingDirectory, arguments);
        return (await cli.WaitForExitAsync(limit), cli);
    }

    public async Task<int> WaitForExitAsync(TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"composer did not finish within {limit}.\nstdout:\n{Output}\nstderr:\n{Error}");
        }

        // WaitForExitAsync returns once the output is drained too.
        return process.ExitCode;
    }

    /// <summary>Reads stderr again and again (no fixed sleep) until it shows the text; fails with both streams after the limit.</summary>
    public async Task UntilErrorShowsAsync(string text, TimeSpan limit)
    {
        using var timeout = new CancellationTokenSource(limit);
        while (!Error.Contains(text, StringComparison.Ordinal))
        {
            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds(20), timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"'{text}' not printed within {limit}.\nstderr:\n{Error}\nstdout:\n{Output}");
            }
        }
    }

    /// <summary>SIGINT, what Ctrl-C sends.</summary>
    public void Interrupt()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-INT", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) } })!;
        kill.WaitForExit();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"could not send SIGINT to {process.Id}");
        }
    }

    /// <summary>SIGKILL: the process gets no chance to clean up, as when a machine or a terminal dies.</summary>
    public void KillHard() => process.Kill(entireProcessTree: true);

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        process.Dispose();
    }

    private void Append(StringBuilder target, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (target)
        {
            target.AppendLine(line);
        }
    }
}
