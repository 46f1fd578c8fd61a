using Composer.Orchestration.Watch;

namespace Composer.Cli.Output;

/// <summary>Watch lines through the console output: actions as info lines (left out with --quiet), failures as errors.</summary>
internal sealed class ConsoleWatchReporter(IConsoleOutput output, bool quiet) : IWatchReporter
{
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
