using System.Diagnostics;
using System.Globalization;

namespace Composer.Loader.Fuzz;

/// <summary>
/// Runs cases [from, to) in a worker child process and survives whatever a case does to it: a worker that dies
/// (a crash: stack overflow, segfault, out of memory) is counted as a crash of the case it was running and restarted
/// after it; a case that runs too long is counted as a hang, its worker killed and restarted after it. Prints the
/// counts, the rate and the workers' peak resident memory (VmHWM, sampled every second and read at exit).
/// </summary>
internal static class FuzzDriver
{
    /// <summary>A hang: 10 s of the worker's own CPU time on one case (a busy shared machine must not count as hangs)...</summary>
    private static readonly TimeSpan HangCpu = TimeSpan.FromSeconds(10);

    /// <summary>...or 120 s of wall-clock time (a case blocked without using the CPU).</summary>
    private static readonly TimeSpan HangWall = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(60);

    public static int Run(FuzzArguments arguments)
    {
        var state = new DriverState(arguments.From);
        var failures = new List<string>();
        var clock = Stopwatch.StartNew();
        var lastProgress = TimeSpan.Zero;
        Console.Error.WriteLine($"fuzz: cases {arguments.From}..{arguments.To - 1}, corpus {arguments.Corpus}");
        while (state.Next < arguments.To)
        {
            RunWorker(arguments, state, failures, clock, ref lastProgress);
        }

        File.WriteAllLines(arguments.FailuresFile, failures);
        var total = arguments.To - arguments.From;
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"cases: {total} in {clock.Elapsed:hh\\:mm\\:ss} ({total / seconds:F0} per second)");
        Console.WriteLine($"outcomes: {string.Join(", ", state.Outcomes.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Value} {pair.Key.ToLowerInvariant()}"))}");
        Console.WriteLine($"crashes: {state.Crashes}, hangs: {state.Hangs}, unlocated errors: {state.Outcomes.GetValueOrDefault("Unlocated")}, internal failures: {state.Outcomes.GetValueOrDefault("Internal")}");
        Console.WriteLine($"peak RSS: {state.PeakResidentKilobytes / 1024} MB (worker), worker starts: {state.WorkerStarts}");
        Console.WriteLine($"failures listed in {Path.GetFullPath(arguments.FailuresFile)} ({failures.Count})");
        var failed = state.Crashes + state.Hangs + state.Outcomes.GetValueOrDefault("Unlocated") + state.Outcomes.GetValueOrDefault("Internal");
        return failed == 0 ? 0 : 1;
    }

    private static void RunWorker(FuzzArguments arguments, DriverState state, List<string> failures, Stopwatch clock, ref TimeSpan lastProgress)
    {
        // Every thread of the worker gets a 512 KiB stack: the runtime sizes its threads (the thread pool's included)
        // by the stack limit, so the worker starts under `ulimit -s 512`, a sixteenth of the usual 8 MiB.
        var start = new ProcessStartInfo("/bin/sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"ulimit -s {FuzzWorker.StackBytes >> 10} && exec \"$0\" \"$@\"");
        start.ArgumentList.Add(Environment.ProcessPath!);
        if (!Environment.ProcessPath!.EndsWith("Composer.Loader.Fuzz", StringComparison.Ordinal))
        {
            // Started through `dotnet Composer.Loader.Fuzz.dll`.
            start.ArgumentList.Add(typeof(FuzzDriver).Assembly.Location);
        }

        foreach (var argument in new[] { "worker", "--from", state.Next.ToString(CultureInfo.InvariantCulture), "--to", arguments.To.ToString(CultureInfo.InvariantCulture), "--corpus", arguments.Corpus })
        {
            start.ArgumentList.Add(argument);
        }

        using var worker = Process.Start(start)!;
        state.WorkerStarts++;
        worker.ErrorDataReceived += (_, _) => { };
        worker.BeginErrorReadLine();

        var lines = new System.Collections.Concurrent.BlockingCollection<string?>();
        var reader = new Thread(() =>
        {
            string? line;
            while ((line = worker.StandardOutput.ReadLine()) is not null)
            {
                lines.Add(line);
            }

            lines.Add(null);
        }) { IsBackground = true };
        reader.Start();

        long? running = null;
        var caseWall = Stopwatch.StartNew();
        var caseCpu = TimeSpan.Zero;
        var lastSample = Stopwatch.StartNew();
        while (true)
        {
            if (!lines.TryTake(out var line, TimeSpan.FromMilliseconds(500)))
            {
                line = string.Empty;
            }

            if (lastSample.Elapsed >= TimeSpan.FromSeconds(1))
            {
                lastSample.Restart();
                state.Sample(worker.Id);
            }

            if (line is null)
            {
                worker.WaitForExit();
                if (running is { } crashed)
                {
                    state.Crashes++;
                    failures.Add($"{crashed} crash (worker exit code {worker.ExitCode})");
                    Console.Error.WriteLine($"fuzz: case {crashed} crashed the worker (exit code {worker.ExitCode}); restarting after it");
                    state.Next = crashed + 1;
                }
                else if (state.Next < arguments.To)
                {
                    // Died between cases: nothing to blame, start again where it stopped.
                    state.Crashes++;
                    failures.Add($"{state.Next} crash between cases (exit code {worker.ExitCode})");
                }

                return;
            }

            if (line.Length == 0)
            {
                if (running is { } current && (caseWall.Elapsed > HangWall || CpuTime(worker.Id) - caseCpu > HangCpu))
                {
                    state.Hangs++;
                    failures.Add($"{current} hang");
                    Console.Error.WriteLine($"fuzz: case {current} hung; killing the worker and restarting after it");
                    state.Sample(worker.Id);
                    worker.Kill(entireProcessTree: true);
                    worker.WaitForExit();
                    state.Next = current + 1;
                    return;
                }

                continue;
            }

            var parts = line.Split(' ', 4);
            var number = long.Parse(parts[1], CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case "S":
                    running = number;
                    caseWall.Restart();
                    caseCpu = CpuTime(worker.Id);
                    break;
                case "F":
                    failures.Add(line[2..]);
                    break;
                case "D":
                    running = null;
                    state.Outcomes[parts[2]] = state.Outcomes.GetValueOrDefault(parts[2]) + 1;
                    state.Next = number + 1;
                    if (clock.Elapsed - lastProgress >= ProgressEvery)
                    {
                        lastProgress = clock.Elapsed;
                        var done = state.Next - arguments.From;
                        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"fuzz: {done} cases in {clock.Elapsed:hh\\:mm\\:ss} ({done / clock.Elapsed.TotalSeconds:F0}/s); crashes {state.Crashes}, hangs {state.Hangs}, unlocated {state.Outcomes.GetValueOrDefault("Unlocated")}, internal {state.Outcomes.GetValueOrDefault("Internal")}; peak RSS {state.PeakResidentKilobytes / 1024} MB"));
                    }

                    break;
            }
        }
    }

    /// <summary>User plus system CPU time of a process, from /proc (clock ticks of 10 ms).</summary>
    private static TimeSpan CpuTime(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return TimeSpan.FromMilliseconds(ticks * 10);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }

    /// <summary>Counts over all workers, and where the next worker starts.</summary>
    private sealed class DriverState(long next)
    {
        public long Next { get; set; } = next;

        public int Crashes { get; set; }

        public int Hangs { get; set; }

        public int WorkerStarts { get; set; }

        public long PeakResidentKilobytes { get; private set; }

        public Dictionary<string, long> Outcomes { get; } = new(StringComparer.Ordinal);

        public void Sample(int processId)
        {
            try
            {
                var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
                if (line is not null)
                {
                    PeakResidentKilobytes = Math.Max(PeakResidentKilobytes, long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture));
                }
            }
            catch (IOException)
            {
                // The worker has gone; its last sample stands.
            }
        }
    }
}
