using System.Globalization;
using System.Text;

namespace Composer.Faults.Tests.Support;

/// <summary>
/// The figures of one kind of trial: trials, failed runs, duplicates, leftovers and converged trials. Each is written
/// as one line to the file FAULTS_REPORT names (scripts/faults.sh collects them) and asserted to be clean.
/// </summary>
internal sealed class Tally(string kind)
{
    private readonly StringBuilder _problems = new();

    public int Trials { get; private set; }
    public int Failures { get; private set; }
    public int Duplicates { get; private set; }
    public int Leftovers { get; private set; }
    public int Converged { get; private set; }

    /// <summary>Counts one trial: the exit codes of the runs that must succeed, and the audit of the engine afterwards.</summary>
    public void Add(IReadOnlyList<(int ExitCode, string Error)> mustSucceed, Audit audit)
    {
        Trials++;
        foreach (var (exitCode, error) in mustSucceed.Where(run => run.ExitCode != 0))
        {
            Failures++;
            Note($"exit {exitCode}: {error.Trim()}");
        }

        Duplicates += audit.Duplicates;
        Leftovers += audit.Leftovers;
        if (audit.Converged)
        {
            Converged++;
        }
        else
        {
            Note($"not converged: {audit.State}");
        }
    }

    /// <summary>Counts one trial that has no engine state to audit (a terminal command).</summary>
    public void Add(bool passed, string problem)
    {
        Trials++;
        if (passed)
        {
            Converged++;
        }
        else
        {
            Failures++;
            Note(problem);
        }
    }

    public string Line => string.Create(CultureInfo.InvariantCulture,
        $"{kind}: trials={Trials} failures={Failures} duplicates={Duplicates} leftovers={Leftovers} converged={Converged}");

    /// <summary>Reports the figures of every tally, then fails the test on any failure, duplicate, leftover or trial that did not converge.</summary>
    public static void Report(params Tally[] tallies)
    {
        if (Environment.GetEnvironmentVariable("FAULTS_REPORT") is { Length: > 0 } report)
        {
            File.AppendAllLines(report, tallies.Select(tally => tally.Line));
        }

        foreach (var tally in tallies)
        {
            Assert.True(tally.Failures == 0 && tally.Duplicates == 0 && tally.Leftovers == 0 && tally.Converged == tally.Trials,
                $"{tally.Line}\n{tally._problems}");
        }
    }

    private void Note(string problem)
    {
        if (_problems.Length < 20_000)
        {
            _problems.AppendLine(CultureInfo.InvariantCulture, $"trial {Trials}: {problem}");
        }
    }
}
