using Composer.Engine.Contracts;
using Composer.Orchestration.Logs;

namespace Composer.Cli.Logs;

/// <summary>Container output goes to stdout (both of its streams, like docker compose), flushed line by line.</summary>
internal sealed class ConsoleLogSink(TextWriter output) : ILogSink
{
    public void WriteLine(string text, LogStream stream)
    {
        output.WriteLine(text);
        output.Flush();
    }
}
