using System.Diagnostics;
using Composer.Orchestration.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Composer.Cli.Rendering;

/// <summary>
/// The live terminal view: one line per network, volume and container with its latest status and a running clock,
/// redrawn in place on stderr. Reports arrive from many threads; only the refresh loop touches the console.
/// </summary>
internal sealed class TtyProgress : IProgressRenderer
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    private readonly IAnsiConsole _console;
    private readonly object _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Line> _lines = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _disposed;

    public TtyProgress(TextWriter error, bool useColor)
    {
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = useColor ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(error),
        });
        _loop = Task.Run(RunAsync);
    }

    public void Report(ProgressEvent progress)
    {
        var key = progress.Kind + "/" + progress.Name;
        lock (_gate)
        {
            if (!_lines.ContainsKey(key))
            {
                _order.Add(key);
            }

            _lines[key] = new Line(progress, Stopwatch.GetTimestamp() - (long)(progress.Elapsed.TotalSeconds * Stopwatch.Frequency));
        }
    }

    public void Warn(string message)
    {
        lock (_gate)
        {
            _warnings.Add(message);
        }
    }

    /// <summary>Stops the live view and leaves its last frame on screen; safe to call more than once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        await _loop;
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        await _console.Live(Render()).AutoClear(false).StartAsync(async live =>
        {
            while (!_stop.IsCancellationRequested)
            {
                live.UpdateTarget(Render());
                try
                {
                    await Task.Delay(RefreshInterval, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }

            live.UpdateTarget(Render());
        });
    }

    private IRenderable Render()
    {
        var rows = new List<IRenderable>();
        lock (_gate)
        {
            foreach (var warning in _warnings)
            {
                rows.Add(new Markup("[yellow]warning:[/] " + Markup.Escape(warning)));
            }

            var done = _lines.Values.Count(line => line.Progress.State != ProgressState.Working);
            rows.Add(new Markup($"[bold][[+]] Running {done}/{_lines.Count}[/]"));
            foreach (var key in _order)
            {
                rows.Add(RenderLine(_lines[key]));
            }
        }

        return new Rows(rows);
    }

    private static Markup RenderLine(Line line)
    {
        var progress = line.Progress;
        var elapsed = progress.State == ProgressState.Working
            ? Stopwatch.GetElapsedTime(line.StartedAt)
            : progress.Elapsed;
        var (mark, color) = progress.State switch
        {
            ProgressState.Done => ("✔", "green"),
            ProgressState.Error => ("✘", "red"),
            _ => ("⠿", "blue"),
        };
        var label = Markup.Escape($"{ProgressText.Kind(progress.Kind)} {progress.Name}");
        return new Markup($" [{color}]{mark}[/] {label,-40} [{color}]{Markup.Escape(progress.Status),-12}[/] [grey]{ProgressText.Elapsed(elapsed)}[/]");
    }

    private sealed record Line(ProgressEvent Progress, long StartedAt);
}
