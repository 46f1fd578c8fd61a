using System.Diagnostics;
using System.Reflection;
using System.Text.RegularExpressions;
using Composer.Loader.Tests.Conformance;
using Xunit.Abstractions;

namespace Composer.Loader.Tests.Fuzz;

/// <summary>
/// The CI form of the fuzz run (issue 14): cases 0..19,999 through tests/Fuzz/Composer.Loader.Fuzz, which runs them in
/// a worker process it restarts after a crash or a hang, so that every kind of failure is counted rather than ending
/// the test run. Targets: 0 crashes, 0 hangs, 0 errors without a location, 0 internal failures, peak RSS under 500 MB.
/// scripts/fuzz.sh runs the long form (1,000,000 cases) with the same program.
/// </summary>
public sealed partial class FuzzProgramTests(ITestOutputHelper output) : IDisposable
{
    private const int Cases = 20_000;
    private const int PeakResidentLimitMegabytes = 500;

    private readonly string _failures = Path.Combine(Path.GetTempPath(), $"composer-fuzz-failures-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_failures);

    [Fact]
    public async Task Twenty_thousand_hostile_inputs_give_no_crash_hang_or_unlocated_error()
    {
        var start = new ProcessStartInfo(DotnetHost()) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { FuzzProgram(), "run", "--cases", Cases.ToString(), "--from", "0", "--corpus", ConformanceCorpus.Folder, "--failures", _failures })
        {
            start.ArgumentList.Add(argument);
        }

        using var fuzz = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var errorsRead = fuzz.StandardError.ReadToEndAsync(timeout.Token);
        var summary = await fuzz.StandardOutput.ReadToEndAsync(timeout.Token);
        var errors = await errorsRead;
        await fuzz.WaitForExitAsync(timeout.Token);
        output.WriteLine(summary);
        output.WriteLine(errors);

        var counts = Counts().Match(summary);
        Assert.True(counts.Success, summary + errors);
        var failures = File.Exists(_failures) ? string.Join('\n', File.ReadLines(_failures).Take(20)) : string.Empty;
        Assert.True(counts.Groups["crashes"].Value == "0", $"crashes:\n{failures}");
        Assert.True(counts.Groups["hangs"].Value == "0", $"hangs:\n{failures}");
        Assert.True(counts.Groups["unlocated"].Value == "0", $"errors without a location:\n{failures}");
        Assert.True(counts.Groups["internal"].Value == "0", $"internal failures:\n{failures}");
        var peak = int.Parse(PeakResident().Match(summary).Groups["megabytes"].Value);
        Assert.True(peak < PeakResidentLimitMegabytes, $"peak RSS {peak} MB");
        Assert.Equal(0, fuzz.ExitCode);
    }

    private static string FuzzProgram()
    {
        var configuration = typeof(FuzzProgramTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == "Configuration").Value!;
        var program = Path.Combine(ConformanceCorpus.RepositoryRoot, "tests", "Fuzz", "Composer.Loader.Fuzz", "bin", configuration, "net10.0", "Composer.Loader.Fuzz.dll");
        Assert.True(File.Exists(program), $"{program} is not built");
        return program;
    }

    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet" ? path : "dotnet";

    [GeneratedRegex(@"crashes: (?<crashes>\d+), hangs: (?<hangs>\d+), unlocated errors: (?<unlocated>\d+), internal failures: (?<internal>\d+)")]
    private static partial Regex Counts();

    [GeneratedRegex(@"peak RSS: (?<megabytes>\d+) MB")]
    private static partial Regex PeakResident();
}
