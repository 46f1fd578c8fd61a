using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Building;

/// <summary>Hands one service's build lines to the sink, tagged with the service.</summary>
internal sealed class LineForwarder(IBuildOutputSink sink, string serviceName) : IProgress<string>
{
    public void Report(string value) => sink.Line(serviceName, value);
}
