using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>
/// up --quiet-pull and --quiet-build: the pull or build lines (and the layers under them) are left out, everything
/// else, failures included, still reaches the view.
/// </summary>
internal sealed class QuietImageProgress(IProgressSink inner, bool quietPull, bool quietBuild) : IProgressSink
{
    public void Report(ProgressEvent progress)
    {
        var hidden = progress.State != ProgressState.Error && (progress.Kind, progress.Status) switch
        {
            (ResourceKind.Layer, _) => quietPull,
            (ResourceKind.Service, "Pulling" or "Pulled") => quietPull,
            (ResourceKind.Service, "Building" or "Built") => quietBuild,
            _ => false,
        };
        if (!hidden)
        {
            inner.Report(progress);
        }
    }

    public void Warn(string message) => inner.Warn(message);
}
