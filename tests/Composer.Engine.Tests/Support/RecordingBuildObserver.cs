using Composer.Engine.Contracts;

namespace Composer.Engine.Tests.Support;

/// <summary>Keeps everything a build told its observer, in order.</summary>
internal sealed class RecordingBuildObserver : IBuildObserver
{
    private readonly object gate = new();

    public List<string> Lines { get; } = [];

    public List<BuildStep> Steps { get; } = [];

    public List<(BuildStep Step, string Line)> Logs { get; } = [];

    public void Line(string line)
    {
        lock (gate)
        {
            Lines.Add(line);
        }
    }

    public void Step(BuildStep step)
    {
        lock (gate)
        {
            Steps.Add(step);
        }
    }

    public void Log(BuildStep step, string line)
    {
        lock (gate)
        {
            Logs.Add((step, line));
        }
    }
}
