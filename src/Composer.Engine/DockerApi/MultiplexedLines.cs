using System.Runtime.CompilerServices;
using Composer.Engine.Contracts;
using Docker.DotNet;

namespace Composer.Engine.DockerApi;

/// <summary>The whole lines of a multiplexed log stream (container or service logs), stdout and stderr apart.</summary>
internal static class MultiplexedLines
{
    public static async IAsyncEnumerable<LogLine> ReadAsync(MultiplexedStream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var splitter = new LogLineSplitter();
        await foreach (var (source, bytes) in MultiplexedChunks.ReadAsync(stream, cancellationToken))
        {
            var target = source == MultiplexedStream.TargetStream.StandardError ? LogStream.Stderr : LogStream.Stdout;
            foreach (var line in splitter.Add(target, bytes.Span))
            {
                yield return line;
            }
        }

        foreach (var line in splitter.Flush())
        {
            yield return line;
        }
    }
}
