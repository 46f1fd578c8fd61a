using System.Diagnostics;
using Composer.EndToEnd.Tests.Support;
using Composer.Faults.Tests.Support;

namespace Composer.Faults.Tests;

/// <summary>
/// composer killed with SIGKILL at a random point of an up from nothing, of an up that recreates everything, and of a
/// down; each time the next run of the same command must succeed and leave exactly the project, nothing doubled or
/// left over.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class KilledRunTrials(FaultEngine engine)
{
    [Fact]
    public async Task Every_killed_up_recreating_up_and_down_is_completed_by_the_next_run()
    {
        var killedUp = new Tally("SIGKILL of up");
        var killedRecreate = new Tally("SIGKILL of a recreating up");
        var killedDown = new Tally("SIGKILL of down");
        await using var project = new FaultProject(engine, "kill");

        // One undisturbed round gives how long each run takes here: the kills fall anywhere within that.
        project.Write(0);
        var upTime = await TimedAsync(project, "up", "-d");
        project.Write(1);
        var recreateTime = await TimedAsync(project, "up", "-d");
        var downTime = await TimedAsync(project, "down");

        var generation = 1;
        for (var trial = 0; trial < Trials.Kills; trial++)
        {
            project.Write(++generation);
            await KillSomewhereAsync(project, upTime, "up", "-d");
            var up = await project.RunAsync("up", "-d");
            killedUp.Add([(up.ExitCode, up.Process.Error)], await project.AuditUpAsync(generation));

            project.Write(++generation);
            await KillSomewhereAsync(project, recreateTime, "up", "-d");
            var recreate = await project.RunAsync("up", "-d");
            killedRecreate.Add([(recreate.ExitCode, recreate.Process.Error)], await project.AuditUpAsync(generation));

            await KillSomewhereAsync(project, downTime, "down");
            var down = await project.RunAsync("down");
            killedDown.Add([(down.ExitCode, down.Process.Error)], await project.AuditDownAsync());
        }

        Tally.Report(killedUp, killedRecreate, killedDown);
    }

    private static async Task<TimeSpan> TimedAsync(FaultProject project, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        var (exitCode, process) = await project.RunAsync(arguments);
        Assert.True(exitCode == 0, process.Error);
        return clock.Elapsed;
    }

    private static async Task KillSomewhereAsync(FaultProject project, TimeSpan window, params string[] arguments)
    {
        using var run = project.Start(arguments);
        await Task.Delay(TimeSpan.FromMilliseconds(Trials.Random.NextDouble() * window.TotalMilliseconds));
        run.KillHard();
        await run.WaitForExitAsync(FaultProject.Limit);
    }
}
