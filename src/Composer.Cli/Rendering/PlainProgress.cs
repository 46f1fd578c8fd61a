using Composer.Orchestration.Progress;

namespace Composer.Cli.Rendering;

/// <summary>One line per finished step (and per failure; per image, not per layer), for logs and pipes where redrawing makes no sense.</summary>
internal sealed class PlainProgress(TextWriter error) : IProgressRenderer
{
    private readonly object _gate = new();

    public void Report(ProgressEvent progress)
    {
        // Layers stay out (one line per image, not per layer), and so do build steps: the build's own lines tell them.
        if (progress.Kind is ResourceKind.Layer or ResourceKind.BuildStep || (progress.State == ProgressState.Working && !progress.Milestone && progress.Status is not ("Waiting" or "Stopping")))
        {
            return;
        }

        var suffix = progress.State == ProgressState.Done ? " " + ProgressText.Elapsed(progress.Elapsed) : string.Empty;
        Write($" {ProgressText.Kind(progress.Kind)} {progress.Name}  {progress.Status}{suffix}");
    }

    public void Warn(string message) => Write("warning: " + message);

    public void HookOutput(string source, string line) => Write($"{source} | {line}");

    private void Write(string line)
    {
        lock (_gate)
        {
            error.WriteLine(line);
            error.Flush();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
