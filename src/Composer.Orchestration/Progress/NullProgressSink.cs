namespace Composer.Orchestration.Progress;

/// <summary>Reports nowhere; for callers that only want the result.</summary>
public sealed class NullProgressSink : IProgressSink
{
    public static NullProgressSink Instance { get; } = new();

    public void Report(ProgressEvent progress)
    {
    }

    public void Warn(string message)
    {
    }
}
