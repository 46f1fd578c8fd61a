using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Composer.Loader.Fuzz;

/// <summary>
/// Runs cases [from, to) in worker child processes, several at once (one per core by default), each over chunks of
/// case numbers handed out in order, and survives whatever a case does to a worker: a worker that dies (a crash:
/// stack overflow, segfault, out of memory) is counted as a crash of the case it was running and restarted after it;
/// a case that runs too long is counted as a hang, its worker killed and restarted after it. Prints a progress line
/// periodically and, at the end or when stopped (SIGINT, SIGTERM), the counts of the cases actually run, the rate and
/// the workers' peak resident memory (the highest VmHWM of any worker: sampled every second, and reported by each
/// worker itself when its chunk ends).
/// </summary>
internal static class FuzzDriver
{
    /// <summary>A hang: 10 s of the worker's own CPU time on one case (a busy shared machine must not count as hangs)...</summary>
    private static readonly TimeSpan HangCpu = TimeSpan.FromSeconds(10);

    /// <summary>...or 120 s of wall-clock time (a case blocked without using the CPU).</summary>
    private static readonly TimeSpan HangWall = TimeSpan.FromSeconds(120);

    public static int Run(FuzzArguments arguments)
    {
        var state = new DriverState(arguments);
        var running = new ConcurrentDictionary<int, Process>();
        var clock = Stopwatch.StartNew();
        var total = arguments.To - arguments.From;
        Console.Error.WriteLine($"fuzz: cases {arguments.From}..{arguments.To - 1}, {arguments.Workers} workers, chunks of {state.ChunkSize}, corpus {arguments.Corpus}");

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            state.Stopping = true;
            foreach (var worker in running.Values)
            {
                try
                {
                    worker.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        }

        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        var threads = Enumerable.Range(0, arguments.Workers).Select(_ => new Thread(() =>
        {
            while (state.TakeChunk() is var (start, end))
            {
                var next = start;
                while (next < end && !state.Stopping)
                {
                    next = RunWorker(arguments, state, running, next, end);
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());

        using (var finished = new ManualResetEventSlim())
        {
            var progress = new Thread(() =>
            {
                while (!finished.Wait(arguments.ProgressEvery))
                {
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"fuzz: {state.Done} of {total} cases in {clock.Elapsed:hh\\:mm\\:ss} ({state.Done / clock.Elapsed.TotalSeconds:F0}/s); crashes {state.Crashes}, hangs {state.Hangs}, unlocated {state.Outcome("Unlocated")}, internal {state.Outcome("Internal")}; peak RSS {state.PeakResidentKilobytes / 1024} MB"));
                }
            }) { IsBackground = true };
            progress.Start();
            threads.ForEach(thread => thread.Join());
            finished.Set();
        }

        var failures = state.Failures;
        File.WriteAllLines(arguments.FailuresFile, failures);
        var seconds = clock.Elapsed.TotalSeconds;
        if (state.Stopping)
        {
            Console.WriteLine($"stopped: {state.Done} of {total} cases run (chunks of {state.ChunkSize} from {arguments.From}, {arguments.Workers} at once)");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases: {state.Done} in {clock.Elapsed:hh\\:mm\\:ss} ({state.Done / seconds:F0} per second, {arguments.Workers} workers)"));
        Console.WriteLine($"outcomes: {state.OutcomeSummary()}");
        Console.WriteLine($"crashes: {state.Crashes}, hangs: {state.Hangs}, unlocated errors: {state.Outcome("Unlocated")}, internal failures: {state.Outcome("Internal")}");
        Console.WriteLine($"peak RSS: {state.PeakResidentKilobytes / 1024} MB (highest of any worker), worker starts: {state.WorkerStarts}");
        Console.WriteLine($"failures listed in {Path.GetFullPath(arguments.FailuresFile)} ({failures.Count})");
        return state.Failed == 0 ? 0 : 1;
    }

    /// <summary>Runs one worker from case <paramref name="next"/> to <paramref name="end"/>; returns where the next one starts.</summary>
    private static long RunWorker(FuzzArguments arguments, DriverState state, ConcurrentDictionary<int, Process> running, long next, long end)
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

        foreach (var argument in new[] { "worker", "--from", next.ToString(CultureInfo.InvariantCulture), "--to", end.ToString(CultureInfo.InvariantCulture), "--corpus", arguments.Corpus })
        {
            start.ArgumentList.Add(argument);
        }

        using var worker = Process.Start(start)!;
        running[worker.Id] = worker;
        try
        {
            if (state.Stopping)
            {
                // Started just as the run was stopped, after the stop killed the others.
                worker.Kill(entireProcessTree: true);
            }

            state.WorkerStarted();
            worker.ErrorDataReceived += (_, _) => { };
            worker.BeginErrorReadLine();
            return Follow(state, worker, next, end);
        }
        finally
        {
            running.TryRemove(worker.Id, out _);
            // A worker that crashed, hung or was stopped could not remove the folder its cases were written to.
            var folder = FuzzWorker.CaseFolder(worker.Id);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    /// <summary>Reads a worker's lines until it exits or hangs; returns where the next worker starts.</summary>
    private static long Follow(DriverState state, Process worker, long next, long end)
    {
        var lines = new BlockingCollection<string?>();
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

        long? current = null;
        var caseWall = Stopwatch.StartNew();
        TimeSpan? caseCpu = null;
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
                if (state.Stopping)
                {
                    return end;
                }

                if (current is { } crashed)
                {
                    state.Crashed(string.Create(CultureInfo.InvariantCulture, $"{crashed} crash (worker exit code {worker.ExitCode})"), duringCase: true);
                    Console.Error.WriteLine($"fuzz: case {crashed} crashed the worker (exit code {worker.ExitCode}); restarting after it");
                    return crashed + 1;
                }

                if (next < end)
                {
                    // Died between cases: nothing to blame, start again where it stopped.
                    state.Crashed(string.Create(CultureInfo.InvariantCulture, $"{next} crash between cases (exit code {worker.ExitCode})"), duringCase: false);
                }

                return next;
            }

            if (line.Length == 0)
            {
                // The worker's CPU time is read only once a case has run half a second (most take milliseconds, and
                // reading /proc for each of a million would cost the run a tenth of its time): a hang is then 10 s of
                // CPU time counted from there.
                if (current is null)
                {
                    continue;
                }

                caseCpu ??= CpuTime(worker.Id);
                if (current is { } running && (caseWall.Elapsed > HangWall || CpuTime(worker.Id) - caseCpu > HangCpu))
                {
                    state.Sample(worker.Id);
                    worker.Kill(entireProcessTree: true);
                    worker.WaitForExit();
                    if (state.Stopping)
                    {
                        return end;
                    }

                    state.Hung(running);
                    Console.Error.WriteLine($"fuzz: case {running} hung; killing the worker and restarting after it");
                    return running + 1;
                }

                continue;
            }

            var parts = line.Split(' ', 4);
            var number = long.Parse(parts[1], CultureInfo.InvariantCulture);
            switch (parts[0])
            {
                case "S":
                    current = number;
                    caseWall.Restart();
                    caseCpu = null;
                    break;
                case "F":
                    state.Failure(line[2..]);
                    break;
                case "D":
                    current = null;
                    state.Completed(parts[2]);
                    next = number + 1;
                    break;
                case "M":
                    // The worker's own VmHWM at the end of its chunk (in KiB): nothing it reached escapes the sampling.
                    state.Resident(number);
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
}
