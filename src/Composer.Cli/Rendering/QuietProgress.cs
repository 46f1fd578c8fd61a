using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>--progress quiet: no progress at all, but warnings still reach the user.</summary>
internal sealed class QuietProgress(TextWriter error) : IProgressRenderer
{
    public void Report(ProgressEvent progress)
    {
    }

    public void Warn(string message)
    {
        lock (error)
        {
            error.WriteLine("warning: " + message);
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
