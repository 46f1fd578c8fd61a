using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Watch;

/// <summary>
/// Progress of the up runs watching makes (rebuilds, reloads): the steps are summed up in one line per action, so
/// only warnings get through.
/// </summary>
internal sealed class WatchProgress(IWatchReporter reporter) : IProgressSink
{
    public void Report(ProgressEvent progress)
    {
    }

    public void Warn(string message) => reporter.Warning(message);
}
