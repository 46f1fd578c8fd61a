using System.Globalization;

namespace Composer.Loader.Fuzz;

/// <summary>
/// The counts over all workers of a run, shared by the driver's threads (one per worker) and its progress line, and
/// the chunks of case numbers still to hand out.
/// </summary>
internal sealed class DriverState(FuzzArguments arguments)
{
    private readonly object _gate = new();
    private readonly Dictionary<string, long> _outcomes = new(StringComparer.Ordinal);
    private readonly List<string> _failures = [];
    private long _nextChunk = arguments.From;

    /// <summary>Chunks small enough that every worker gets one in a short run.</summary>
    public long ChunkSize { get; } = Math.Max(1, Math.Min(arguments.Chunk, (arguments.To - arguments.From + arguments.Workers - 1) / arguments.Workers));

    public long Done { get; private set; }

    public int Crashes { get; private set; }

    public int Hangs { get; private set; }

    public int WorkerStarts { get; private set; }

    /// <summary>The highest VmHWM (peak resident set) of any worker, in KiB.</summary>
    public long PeakResidentKilobytes { get; private set; }

    public bool Stopping { get; set; }

    public IReadOnlyList<string> Failures
    {
        get
        {
            lock (_gate)
            {
                return [.. _failures];
            }
        }
    }

    public long Outcome(string name)
    {
        lock (_gate)
        {
            return _outcomes.GetValueOrDefault(name);
        }
    }

    public string OutcomeSummary()
    {
        lock (_gate)
        {
            return string.Join(", ", _outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Value} {pair.Key.ToLowerInvariant()}"));
        }
    }

    public long Failed => Crashes + Hangs + Outcome("Unlocated") + Outcome("Internal");

    /// <summary>The next chunk of case numbers [start, end), or null when all are handed out or the run is stopping.</summary>
    public (long Start, long End)? TakeChunk()
    {
        lock (_gate)
        {
            if (Stopping || _nextChunk >= arguments.To)
            {
                return null;
            }

            var start = _nextChunk;
            _nextChunk = Math.Min(arguments.To, start + ChunkSize);
            return (start, _nextChunk);
        }
    }

    public void Completed(string outcome)
    {
        lock (_gate)
        {
            Done++;
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
        }
    }

    public void Failure(string line)
    {
        lock (_gate)
        {
            _failures.Add(line);
        }
    }

    public void Crashed(string line, bool duringCase)
    {
        lock (_gate)
        {
            Crashes++;
            Done += duringCase ? 1 : 0;
            _failures.Add(line);
        }
    }

    public void Hung(long number)
    {
        lock (_gate)
        {
            Hangs++;
            Done++;
            _failures.Add(string.Create(CultureInfo.InvariantCulture, $"{number} hang"));
        }
    }

    public void WorkerStarted()
    {
        lock (_gate)
        {
            WorkerStarts++;
        }
    }

    public void Resident(long kilobytes)
    {
        lock (_gate)
        {
            PeakResidentKilobytes = Math.Max(PeakResidentKilobytes, kilobytes);
        }
    }

    /// <summary>Reads a worker's VmHWM from /proc while it runs.</summary>
    public void Sample(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null)
            {
                Resident(long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The worker has gone; its last sample (and the peak it reported itself) stands.
        }
    }
}
