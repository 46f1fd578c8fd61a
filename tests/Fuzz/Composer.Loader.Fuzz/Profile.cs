using System.Diagnostics;
using System.Globalization;
using Composer.Loader.Tests.Fuzz;

namespace Composer.Loader.Fuzz;

/// <summary>
/// Where a run's time goes: runs cases in this process and prints, per kind of case, the CPU time spent generating
/// and loading, the slowest cases and the collections the GC made (<c>profile --cases N [--from F]</c>). CPU time, not
/// wall time, so that it means something on a busy machine.
/// </summary>
internal static class Profile
{
    public static int Run(FuzzArguments arguments)
    {
        using var self = Process.GetCurrentProcess();
        var clock = Stopwatch.StartNew();
        var inputs = HostileInputs.FromFolder(arguments.Corpus);
        Console.WriteLine($"corpus read in {clock.ElapsedMilliseconds} ms");
        var folder = FuzzWorker.CaseFolder(Environment.ProcessId);
        try
        {
            Measure(arguments, inputs, new FuzzRunner(folder), self, clock);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }

        return 0;
    }

    private static void Measure(FuzzArguments arguments, HostileInputs inputs, FuzzRunner runner, Process self, Stopwatch clock)
    {
        var generating = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var loading = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var slowest = new List<(TimeSpan Cpu, long Number, string Kind)>();
        var collections = Enumerable.Range(0, 3).Select(GC.CollectionCount).ToArray();
        var pauses = GC.GetTotalPauseDuration();
        var cpuBefore = Cpu(self);
        for (var number = arguments.From; number < arguments.To; number++)
        {
            var start = Cpu(self);
            var fuzzCase = inputs.Case(number);
            var generated = Cpu(self);
            runner.Run(fuzzCase, CancellationToken.None);
            var loaded = Cpu(self);
            generating[fuzzCase.Kind] = generating.GetValueOrDefault(fuzzCase.Kind) + (generated - start);
            loading[fuzzCase.Kind] = loading.GetValueOrDefault(fuzzCase.Kind) + (loaded - generated);
            counts[fuzzCase.Kind] = counts.GetValueOrDefault(fuzzCase.Kind) + 1;
            slowest.Add((loaded - start, number, fuzzCase.Kind));
        }

        var cpu = Cpu(self) - cpuBefore;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{arguments.To - arguments.From} cases: {cpu.TotalSeconds:F1} s of CPU ({cpu.TotalMilliseconds / (arguments.To - arguments.From):F2} ms a case), {clock.Elapsed.TotalSeconds:F1} s of wall time"));
        Console.WriteLine($"{"kind",-20} {"cases",6} {"generate",10} {"load",10} {"per case",10}");
        foreach (var kind in counts.Keys.OrderByDescending(kind => generating[kind] + loading[kind]))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-20} {counts[kind],6} {generating[kind].TotalMilliseconds,8:F0}ms {loading[kind].TotalMilliseconds,8:F0}ms {(generating[kind] + loading[kind]).TotalMilliseconds / counts[kind],8:F2}ms"));
        }

        Console.WriteLine("slowest: " + string.Join(", ", slowest.OrderByDescending(item => item.Cpu).Take(10).Select(item => $"{item.Number} ({item.Kind}, {item.Cpu.TotalMilliseconds:F0} ms)")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"collections: gen0 {GC.CollectionCount(0) - collections[0]}, gen1 {GC.CollectionCount(1) - collections[1]}, gen2 {GC.CollectionCount(2) - collections[2]}; paused {(GC.GetTotalPauseDuration() - pauses).TotalMilliseconds:F0} ms"));
    }

    private static TimeSpan Cpu(Process process)
    {
        process.Refresh();
        return process.TotalProcessorTime;
    }
}
