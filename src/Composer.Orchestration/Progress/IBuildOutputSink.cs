namespace Composer.Orchestration.Progress;

/// <summary>Where the lines a build prints go, one service's lines in order.</summary>
public interface IBuildOutputSink
{
    void Line(string serviceName, string line);
}
