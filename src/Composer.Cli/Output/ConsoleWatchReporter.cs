using Composer.Orchestration.Watch;

namespace Composer.Cli.Output;

/// <summary>
/// Watch lines through the console output: the status (watching started) and actions as info lines, failures as errors.
/// --quiet leaves the action lines out, as docker compose's leaves out build output: watching still says it started.
/// </summary>
internal sealed class ConsoleWatchReporter(IConsoleOutput output, bool quiet) : IWatchReporter
{
    public void Status(string line) => output.Info(line);

    public void Action(string line)
    {
        if (!quiet)
        {
            output.Info(line);
        }
    }

    public void Failure(string line) => output.Error(line);

    public void Warning(string line) => output.Warn(line);
}
