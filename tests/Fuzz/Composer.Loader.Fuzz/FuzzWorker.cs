using System.Globalization;
using Composer.Loader.Tests.Fuzz;

namespace Composer.Loader.Fuzz;

/// <summary>
/// Runs cases in order and reports each on standard output, so that the driver knows which case a crash or a hang
/// happened in: <c>S n</c> before case n, <c>D n outcome</c> after it, <c>F n kind outcome detail</c> for a failure.
/// The cases run on a thread with a 512 KiB stack (the driver starts the worker under `ulimit -s 512`, which gives the
/// thread pool's threads the same): a sixteenth of the 8 MiB the composer process's threads usually get, so stack use
/// that passes here has a wide margin there, in the JIT build and in native AOT alike.
/// </summary>
internal static class FuzzWorker
{
    public const int StackBytes = 512 << 10;

    public static int Run(FuzzArguments arguments)
    {
        var exitCode = 0;
        var thread = new Thread(() => exitCode = RunCases(arguments), StackBytes);
        thread.Start();
        thread.Join();
        return exitCode;
    }

    /// <summary>Writes one case's files into a folder, to look at or to load with composer.</summary>
    public static int Show(FuzzArguments arguments, long number)
    {
        var fuzzCase = HostileInputs.FromFolder(arguments.Corpus).Case(number);
        var folder = Path.GetFullPath($"fuzz-case-{number}");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "compose.yaml"), fuzzCase.Compose);
        if (fuzzCase.Override is not null)
        {
            File.WriteAllBytes(Path.Combine(folder, "compose.override.yaml"), fuzzCase.Override);
        }

        if (fuzzCase.DotEnv is not null)
        {
            File.WriteAllBytes(Path.Combine(folder, ".env"), fuzzCase.DotEnv);
        }

        Console.WriteLine($"case {number} ({fuzzCase.Kind}) written to {folder}");
        return 0;
    }

    /// <summary>
    /// Where a worker writes each case's files, to load them from there as composer does: on tmpfs when there is one,
    /// so that a million cases cost the loader's work and not the file system journal's.
    /// </summary>
    public static string CaseFolder(int processId) =>
        Path.Combine(Directory.Exists("/dev/shm") ? "/dev/shm" : Path.GetTempPath(), $"composer-fuzz-{processId}");

    private static long PeakResidentKilobytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(text => text.StartsWith("VmHWM:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
    }

    private static int RunCases(FuzzArguments arguments)
    {
        var inputs = HostileInputs.FromFolder(arguments.Corpus);
        var folder = CaseFolder(Environment.ProcessId);
        var runner = new FuzzRunner(folder);
        // Flushed before each case (so that the driver knows which case a crash or a hang is in), not after each line.
        var output = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
        try
        {
            for (var number = arguments.From; number < arguments.To; number++)
            {
                // Announced before it is generated: generating is part of the case.
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"S {number}"));
                output.Flush();
                var fuzzCase = inputs.Case(number);
                var (outcome, detail) = runner.Run(fuzzCase, CancellationToken.None);
                if (outcome is FuzzOutcome.Unlocated or FuzzOutcome.Internal)
                {
                    var oneLine = detail.ReplaceLineEndings(" ");
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"F {number} {fuzzCase.Kind} {outcome} {oneLine[..Math.Min(oneLine.Length, 300)]}"));
                }

                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"D {number} {outcome}"));
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"M {PeakResidentKilobytes()}"));
            output.Flush();
            return 0;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
