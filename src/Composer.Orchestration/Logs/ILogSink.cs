using Composer.Engine.Contracts;

namespace Composer.Orchestration.Logs;

/// <summary>Where followed output goes, one finished (prefixed, maybe coloured) line at a time, never concurrently.</summary>
public interface ILogSink
{
    void WriteLine(string text, LogStream stream);
}
