using Composer.Faults.Tests.Support;

namespace Composer.Faults.Tests;

/// <summary>Several composer processes on one project at once: every one succeeds, and nothing is made twice.</summary>
[Collection(FaultCollection.Name)]
public sealed class ConcurrentRunTrials(FaultEngine engine)
{
    [Fact]
    public async Task Two_and_four_ups_from_nothing_and_two_downs_at_once_all_succeed_without_duplicates()
    {
        var twoUps = new Tally("2 concurrent up");
        var fourUps = new Tally("4 concurrent up");
        var twoDowns = new Tally("2 concurrent down");
        for (var round = 0; round < Trials.Rounds; round++)
        {
            foreach (var (ways, tally) in new[] { (2, twoUps), (4, fourUps) })
            {
                await using var project = new FaultProject(engine, "conc");
                project.Write(1);
                var ups = await Task.WhenAll(Enumerable.Range(0, ways).Select(_ => project.RunAsync("up", "-d")));
                tally.Add([.. ups.Select(run => (run.ExitCode, run.Process.Error))], await project.AuditUpAsync(1));

                var downs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => project.RunAsync("down")));
                twoDowns.Add([.. downs.Select(run => (run.ExitCode, run.Process.Error))], await project.AuditDownAsync());
            }
        }

        Tally.Report(twoUps, fourUps, twoDowns);
    }
}
