using System.Collections.Concurrent;
using Composer.Orchestration.Progress;

namespace Composer.Engine.Tests.Support;

internal sealed class RecordingBuildOutput : IBuildOutputSink
{
    public ConcurrentQueue<(string Service, string Text)> Lines { get; } = new();

    public void Line(string serviceName, string line) => Lines.Enqueue((serviceName, line));
}
