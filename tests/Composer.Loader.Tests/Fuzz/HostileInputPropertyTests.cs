using Composer.Loader.Tests.Conformance;
using CsCheck;

namespace Composer.Loader.Tests.Fuzz;

/// <summary>
/// Hostile inputs (<see cref="HostileInputs"/>) in this process, drawn by CsCheck: every load ends in a project or
/// in located errors, within 10 s. <see cref="FuzzProgramTests"/> runs the CI form (20,000 cases) in a child process.
/// </summary>
public sealed class HostileInputPropertyTests : IDisposable
{
    private static readonly TimeSpan Hang = TimeSpan.FromSeconds(10);

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "composer-fuzz-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    [Fact]
    public void Hostile_inputs_load_or_fail_with_located_errors()
    {
        var inputs = HostileInputs.FromFolder(ConformanceCorpus.Folder);
        var runner = new FuzzRunner(_folder);

        // CsCheck draws case numbers and, on a failure, prints the seed that draws the same ones again.
        Gen.Long[0, long.MaxValue / 2].Sample(number =>
        {
            var fuzzCase = inputs.Case(number);
            using var timeout = new CancellationTokenSource();
            var run = Task.Run(() => runner.Run(fuzzCase, timeout.Token));
            if (!run.Wait(Hang))
            {
                timeout.Cancel();
                Assert.Fail($"case {number} ({fuzzCase.Kind}): no result within {Hang.TotalSeconds} s");
            }

            var (outcome, detail) = run.Result;
            Assert.True(outcome is FuzzOutcome.Loaded or FuzzOutcome.Rejected, $"case {number} ({fuzzCase.Kind}): {outcome}: {detail}");
        }, iter: 2_000, threads: 1);
    }
}
