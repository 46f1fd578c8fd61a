using System.Diagnostics;

namespace Composer.EndToEnd.Tests.Support;

/// <summary>
/// A real terminal: a detached tmux session running one command, read with capture-pane. Lets tests see what a
/// person sees (the live progress view redrawn in place), which redirected output never shows.
/// </summary>
internal sealed class TmuxTerminal : IDisposable
{
    private readonly string _session = "composer-test-" + Guid.NewGuid().ToString("N")[..8];
    // The tmux server (-L socket) of the session; null is the default server.
    private readonly string? _socket;

    /// <param name="socket">
    /// A tmux server of the test's own (<c>tmux -L</c>), away from sessions others run at once and from what their
    /// work does to that server.
    /// </param>
    public TmuxTerminal(string workingDirectory, string shellCommand, string? socket = null)
    {
        _socket = socket;
        // A server whose last session was just killed exits, and a session asked of it meanwhile fails with "server
        // exited unexpectedly" (every other terminal of a suite with a server of its own, one after another): ask again,
        // and the next client starts a new server. A session that did not start would otherwise only show as an
        // empty screen until the test's limit.
        for (var attempt = 1; ; attempt++)
        {
            Tmux(out var exitCode, out var error, "new-session", "-d", "-s", _session, "-x", "120", "-y", "30", "-c", workingDirectory, shellCommand + "; echo EXIT=$?; sleep 600");
            if (exitCode == 0)
            {
                break;
            }

            if (attempt == 10 || !error.Contains("server exited", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"tmux new-session failed ({exitCode}): {error}");
            }

            Thread.Sleep(TimeSpan.FromMilliseconds(50 * attempt));
        }
    }

    public static bool Available => File.Exists("/usr/bin/tmux");

    public string Screen() => Tmux("capture-pane", "-p", "-t", _session);

    /// <summary>Reads the screen again and again (no fixed sleep) until it shows the text, or the limit passes.</summary>
    public async Task<string> UntilScreenShowsAsync(string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen();
            if (screen.Contains(text, StringComparison.Ordinal))
            {
                return screen;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"the terminal did not show '{text}' within {limit}; it shows:\n{screen}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    /// <summary>Types the line again each second until the screen shows the text (for effects that arrive late), or the limit passes.</summary>
    public async Task<string> TypeUntilScreenShowsAsync(string line, string text, TimeSpan limit)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            Type(line);
            try
            {
                return await UntilScreenShowsAsync(text, TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException) when (clock.Elapsed < limit)
            {
            }
        }
    }

    /// <summary>Types a line into the terminal, as a person would, and presses Enter.</summary>
    public void Type(string line) => Tmux("send-keys", "-t", _session, "-l", line + "\r");

    /// <summary>Presses Ctrl-C, which the terminal turns into SIGINT for what runs in it.</summary>
    public void Interrupt() => Tmux("send-keys", "-t", _session, "C-c");

    /// <summary>Resizes the window, which sends SIGWINCH to what runs in it.</summary>
    public void Resize(int columns, int rows) =>
        Tmux("resize-window", "-t", _session, "-x", columns.ToString(System.Globalization.CultureInfo.InvariantCulture), "-y", rows.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose() => Tmux("kill-session", "-t", _session);

    private string Tmux(params string[] arguments) => Tmux(out _, out _, arguments);

    private string Tmux(out int exitCode, out string error, params string[] arguments)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (_socket is not null)
        {
            start.ArgumentList.Add("-L");
            start.ArgumentList.Add(_socket);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errorRead = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        exitCode = process.ExitCode;
        error = errorRead.Result;
        return output;
    }
}
