using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>COMPOSE_IGNORE_ORPHANS: the planner's "found orphan containers" warning is not shown; everything else is.</summary>
internal sealed class OrphanWarningFilter(IProgressSink inner) : IProgressSink
{
    public void Report(ProgressEvent progress) => inner.Report(progress);

    public void Warn(string message)
    {
        if (!message.StartsWith("found orphan containers", StringComparison.Ordinal))
        {
            inner.Warn(message);
        }
    }
}
