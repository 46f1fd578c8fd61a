namespace Composer.Orchestration.Progress;

/// <summary>Where orchestration reports what it is doing; the CLI renders it (tty, plain, json, quiet).</summary>
public interface IProgressSink
{
    void Report(ProgressEvent progress);

    /// <summary>Something the user should know that does not stop the command (orphans, optional dependency failed).</summary>
    void Warn(string message);

    /// <summary>
    /// One line a lifecycle hook printed; <paramref name="source"/> says whose (<c>shop-web-1 -&gt; post_start</c>).
    /// Sinks that show nothing of the kind ignore it.
    /// </summary>
    void HookOutput(string source, string line)
    {
    }
}
