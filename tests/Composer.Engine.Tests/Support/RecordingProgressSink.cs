using System.Collections.Concurrent;
using Composer.Orchestration.Progress;

namespace Composer.Engine.Tests.Support;

internal sealed class RecordingProgressSink : IProgressSink
{
    public ConcurrentQueue<ProgressEvent> Events { get; } = new();
    public ConcurrentQueue<string> Warnings { get; } = new();

    public void Report(ProgressEvent progress) => Events.Enqueue(progress);

    public ConcurrentQueue<string> HookLines { get; } = new();

    public void Warn(string message) => Warnings.Enqueue(message);

    public void HookOutput(string source, string line) => HookLines.Enqueue($"{source} | {line}");
}
