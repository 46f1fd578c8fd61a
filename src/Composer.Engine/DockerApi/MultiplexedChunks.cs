using Docker.DotNet;

namespace Composer.Engine.DockerApi;

/// <summary>
/// The chunks of a hijacked engine stream (exec, attach, logs) with the output each belongs to, until it ends. The
/// engine dropping the connection as the process or container goes away counts as the end, not as a failure.
/// </summary>
internal static class MultiplexedChunks
{
    private const int BufferSize = 16 * 1024;

    /// <summary>Each chunk is only valid until the next one is asked for: the buffer is reused.</summary>
    public static async IAsyncEnumerable<(MultiplexedStream.TargetStream Target, ReadOnlyMemory<byte> Bytes)> ReadAsync(
        MultiplexedStream stream,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        while (true)
        {
            MultiplexedStream.ReadResult read;
            try
            {
                read = await stream.ReadOutputAsync(buffer, 0, buffer.Length, cancellationToken);
            }
            catch (Exception exception) when (exception is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
            {
                yield break;
            }

            if (read.EOF)
            {
                yield break;
            }

            yield return (read.Target, buffer.AsMemory(0, read.Count));
        }
    }
}
