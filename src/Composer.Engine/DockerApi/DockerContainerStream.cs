using Composer.Engine.Contracts;
using Docker.DotNet;

namespace Composer.Engine.DockerApi;

/// <summary>
/// <see cref="IContainerStream"/> over Docker.DotNet's hijacked connection. Every chunk is flushed at once: an
/// interactive shell's prompt has no newline to wait for.
/// </summary>
internal sealed class DockerContainerStream(MultiplexedStream stream) : IContainerStream
{
    private const int BufferSize = 16 * 1024;

    public async Task CopyOutputAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken)
    {
        await foreach (var (source, bytes) in MultiplexedChunks.ReadAsync(stream, cancellationToken))
        {
            var target = source == MultiplexedStream.TargetStream.StandardError ? stderr : stdout;
            await target.WriteAsync(bytes, cancellationToken);
            await target.FlushAsync(cancellationToken);
        }
    }

    public async Task CopyInputAsync(Stream input, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferSize];
        while (true)
        {
            var count = await input.ReadAsync(buffer, cancellationToken);
            if (count == 0)
            {
                break;
            }

            await stream.WriteAsync(buffer, 0, count, cancellationToken);
        }

        // Half-close: the process sees end of input and can finish (cat, sh reading a script).
        stream.CloseWrite();
    }

    public void Dispose() => stream.Dispose();
}
