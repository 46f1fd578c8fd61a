using System.Diagnostics;
using Composer.Orchestration.Progress;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Composer.Cli.Rendering;

/// <summary>
/// The live terminal view: one line per network, volume and container with its latest status and a running clock,
/// and under an image being pulled or pushed one line per layer (Downloading 1.2MB/3.4MB, Pull complete), as docker
/// compose shows them; redrawn in place on stderr. Reports arrive from many threads; only the refresh loop touches the console.
/// </summary>
internal sealed class TtyProgress : IProgressRenderer
{
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    private readonly IAnsiConsole _console;
    private readonly object _gate = new();
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Line> _lines = new(StringComparer.Ordinal);

    // Per service, the keys of its image's layer lines, shown under the service's line in the order they appeared.
    private readonly Dictionary<string, List<string>> _layers = new(StringComparer.Ordinal);
    private readonly List<string> _warnings = [];

    // The latest lines lifecycle hooks printed, shown under the steps (the whole output goes to a failure's message tail).
    private const int ShownHookLines = 10;
    private readonly Queue<string> _hookLines = new();
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
        // A build shows its step under way on the service's own line.
        if (progress.Kind == ResourceKind.BuildStep)
        {
            return;
        }

        // The same layer may be in two images pulled at once: a layer line is its service's.
        var key = progress.Parent is { } parent ? $"{parent}/{progress.Kind}/{progress.Name}" : progress.Kind + "/" + progress.Name;
        lock (_gate)
        {
            if (!_lines.ContainsKey(key))
            {
                if (progress.Parent is { } owner)
                {
                    LayersOf(owner).Add(key);
                }
                else
                {
                    _order.Add(key);
                }
            }

            // A recreated container's line goes on to Starting and Started: it keeps saying it was recreated.
            var recreated = progress.Status == "Recreated" || (_lines.TryGetValue(key, out var previous) && previous.Recreated);
            _lines[key] = new Line(progress, Stopwatch.GetTimestamp() - (long)(progress.Elapsed.TotalSeconds * Stopwatch.Frequency), recreated);
        }
    }

    public void Warn(string message)
    {
        lock (_gate)
        {
            _warnings.Add(message);
        }
    }

    public void HookOutput(string source, string line)
    {
        lock (_gate)
        {
            _hookLines.Enqueue($"{source} | {line}");
            while (_hookLines.Count > ShownHookLines)
            {
                _hookLines.Dequeue();
            }
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

            // No header at all for a command that had nothing to show (run with no dependencies: no "Running 0/0").
            if (_order.Count > 0)
            {
                var done = _order.Count(key => _lines[key].Progress.State != ProgressState.Working);
                rows.Add(new Markup($"[bold][[+]] {Header(_order.Select(key => _lines[key].Progress.Status))} {done}/{_order.Count}[/]") { Overflow = Overflow.Ellipsis });
            }

            // The status column is as wide as its longest entry ("Recreated, Started"), so the clocks stay aligned.
            var statusWidth = _order.Select(key => StatusText(_lines[key]).Length).DefaultIfEmpty(0).Max();
            foreach (var key in _order)
            {
                var line = _lines[key];
                var layers = line.Progress.Kind == ResourceKind.Service && _layers.TryGetValue(line.Progress.Name, out var keys)
                    ? keys.Select(layer => _lines[layer].Progress).ToList()
                    : [];
                rows.Add(RenderLine(line, layers, statusWidth));
                rows.AddRange(layers.Select(RenderLayer));
            }

            rows.AddRange(_hookLines.Select(line => new Markup("[grey]" + Markup.Escape(line) + "[/]")));
        }

        return new Rows(rows);
    }

    // What the command is doing as a whole: a stop or down says so rather than "Running".
    internal static string Header(IEnumerable<string> statuses)
    {
        var all = statuses.ToList();
        var starting = all.Any(status => status is "Creating" or "Created" or "Starting" or "Started" or "Recreate" or "Recreated" or "Running"
            or "Pulling" or "Pulled" or "Building" or "Built" or "Waiting" or "Healthy" or "Exited");
        return starting ? "Running"
            : all.Any(status => status.StartsWith("Remov", StringComparison.Ordinal)) ? "Removing"
            : all.Any(status => status.StartsWith("Stop", StringComparison.Ordinal) || status.StartsWith("Kill", StringComparison.Ordinal)) ? "Stopping"
            : "Running";
    }

    // The image's download so far, summed over the layers whose size the engine has told.
    private static string Transferred(IReadOnlyList<ProgressEvent> layers)
    {
        var sized = layers.Where(layer => layer.Total is not null).ToList();
        return sized.Count == 0 ? string.Empty : " " + ProgressText.Bytes(sized.Sum(layer => layer.Current ?? 0), sized.Sum(layer => layer.Total!.Value));
    }

    private static Markup RenderLayer(ProgressEvent layer)
    {
        var (mark, color) = Look(layer.State);
        var bytes = ProgressText.Bytes(layer.Current, layer.Total);
        return new Markup($"   [{color}]{mark}[/] {Markup.Escape(layer.Name),-12} [{color}]{Markup.Escape(layer.Status),-18}[/] [grey]{bytes}[/]") { Overflow = Overflow.Ellipsis };
    }

    private static (string Mark, string Color) Look(ProgressState state) => state switch
    {
        ProgressState.Done => ("✔", "green"),
        ProgressState.Error => ("✘", "red"),
        _ => ("⠿", "blue"),
    };

    private List<string> LayersOf(string service)
    {
        if (!_layers.TryGetValue(service, out var keys))
        {
            keys = _layers[service] = [];
        }

        return keys;
    }

    private static Markup RenderLine(Line line, IReadOnlyList<ProgressEvent> layers, int statusWidth)
    {
        var progress = line.Progress;
        var elapsed = progress.State == ProgressState.Working
            ? Stopwatch.GetElapsedTime(line.StartedAt)
            : progress.Elapsed;
        var (mark, color) = Look(progress.State);
        var label = Markup.Escape($"{ProgressText.Kind(progress.Kind)} {progress.Name}");
        var status = Markup.Escape(StatusText(line).PadRight(Math.Max(12, statusWidth)));
        // Cut to the terminal's width (Overflow.Ellipsis), never wrapped: a wrapped line breaks the live redraw.
        return new Markup($" [{color}]{mark}[/] {label,-40} [{color}]{status}[/] [grey]{ProgressText.Elapsed(elapsed)}{Transferred(layers)}[/]") { Overflow = Overflow.Ellipsis };
    }

    /// <summary>
    /// The status column: the step's latest status, after "Recreated, " once the container was recreated, so the final
    /// frame tells recreated containers ("Recreated, Started") from created ("Started"), kept ("Running") and removed ones.
    /// </summary>
    internal static string StatusText(ProgressEvent progress, bool recreated) =>
        recreated && progress.Status != "Recreated" && progress.State != ProgressState.Error ? "Recreated, " + progress.Status : progress.Status;

    private static string StatusText(Line line) => StatusText(line.Progress, line.Recreated);

    private sealed record Line(ProgressEvent Progress, long StartedAt, bool Recreated);
}
