using System.Diagnostics;
using Composer.Faults.Tests.Support;

namespace Composer.Faults.Tests;

/// <summary>
/// The engine itself killed (SIGTERM, then SIGKILL) at a random point of an up and started again: the next up must
/// converge, also when the engine's runtime kept tasks of containers it lost track of.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class EngineKillTrials(FaultEngine engine)
{
    [Fact]
    public async Task After_the_engine_is_killed_during_up_and_restarted_the_next_up_converges()
    {
        var tallies = new Dictionary<string, Tally>
        {
            ["TERM"] = new("engine SIGTERM during up"),
            ["KILL"] = new("engine SIGKILL during up"),
        };
        for (var round = 0; round < Trials.Rounds; round++)
        {
            foreach (var (signal, tally) in tallies)
            {
                await using var project = new FaultProject(engine, "eng");
                project.Write(1);
                var clock = Stopwatch.StartNew();
                using (var up = project.Start("up", "-d"))
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(300 + (Trials.Random.NextDouble() * 2500)));
                    await engine.KillAsync(signal);
                    await up.WaitForExitAsync(FaultProject.Limit);
                }

                engine.Restart();
                var converge = await project.RunAsync("up", "-d");
                tally.Add([(converge.ExitCode, converge.Process.Error)], await project.AuditUpAsync(1));
            }
        }

        Tally.Report([.. tallies.Values]);
    }
}
