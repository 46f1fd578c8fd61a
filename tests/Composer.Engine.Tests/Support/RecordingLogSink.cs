using System.Collections.Concurrent;
using Composer.Engine.Contracts;
using Composer.Orchestration.Logs;

namespace Composer.Engine.Tests.Support;

/// <summary>Keeps every line, and lets a test wait for one to arrive.</summary>
internal sealed class RecordingLogSink : ILogSink
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> awaited = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Lines => [.. lines];

    public void WriteLine(string text, LogStream stream)
    {
        lines.Enqueue(text);
        awaited.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    public Task WaitForAsync(string text) =>
        awaited.GetOrAdd(text, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;
}
