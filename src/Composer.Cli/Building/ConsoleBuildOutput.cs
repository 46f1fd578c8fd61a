using Composer.Orchestration.Progress;

namespace Composer.Cli.Building;

/// <summary>Prints build output as it comes, each line after the service it belongs to, as parallel builds interleave.</summary>
internal sealed class ConsoleBuildOutput(TextWriter writer) : IBuildOutputSink
{
    private readonly object _gate = new();

    public void Line(string serviceName, string line)
    {
        lock (_gate)
        {
            writer.WriteLine($"{serviceName}  {line}");
            writer.Flush();
        }
    }
}
