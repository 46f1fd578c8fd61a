using System.Buffers.Binary;
using System.Threading.Channels;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// One gRPC call on an HTTP/2 stream, as a method sees it: the request headers (metadata), the caller's messages
/// (length-prefixed in the stream's DATA, split across frames as the sender liked) and a way to send messages back.
/// Unary and streaming calls are the same thing here: a unary caller sends one message and ends its side.
/// </summary>
internal sealed class GrpcCall
{
    /// <summary>The largest message accepted, as grpc-go's default receive limit.</summary>
    public const int MaxMessage = 4 * 1024 * 1024;

    private readonly Channel<byte[]> received = Channel.CreateUnbounded<byte[]>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly Func<GrpcCall, ReadOnlyMemory<byte>, CancellationToken, Task> send;
    private byte[] buffer = [];
    private int start;
    private int end;

    public GrpcCall(int streamId, IReadOnlyDictionary<string, string> metadata, Func<GrpcCall, ReadOnlyMemory<byte>, CancellationToken, Task> send)
    {
        StreamId = streamId;
        Metadata = metadata;
        this.send = send;
    }

    public int StreamId { get; }

    /// <summary>The request headers by lower-case name (<c>:path</c>, <c>content-type</c>, the caller's metadata).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public string Path => Metadata.GetValueOrDefault(":path", "");

    /// <summary>True once the caller has ended its side of the stream (or reset it).</summary>
    public bool ReceivingEnded { get; private set; }

    /// <summary>Set by the server once the response headers are out.</summary>
    internal bool HeadersSent { get; set; }

    /// <summary>The caller's next message; null when it has ended its side between messages.</summary>
    public async Task<byte[]?> ReadMessageAsync(CancellationToken cancellationToken)
    {
        if (!await FillAsync(5, cancellationToken))
        {
            return null;
        }

        if (buffer[start] != 0)
        {
            throw new InvalidDataException("a compressed gRPC message (no compression was offered)");
        }

        var size = BinaryPrimitives.ReadUInt32BigEndian(buffer.AsSpan(start + 1));
        if (size > MaxMessage)
        {
            throw new InvalidDataException($"a gRPC message of {size} bytes (at most {MaxMessage})");
        }

        if (!await FillAsync(5 + (int)size, cancellationToken))
        {
            throw new InvalidDataException("the stream ended inside a gRPC message");
        }

        var message = buffer.AsSpan(start + 5, (int)size).ToArray();
        start += 5 + (int)size;
        return message;
    }

    /// <summary>Sends one message (the response headers go first), in DATA frames as flow control allows.</summary>
    public Task WriteMessageAsync(ReadOnlyMemory<byte> message, CancellationToken cancellationToken) => send(this, message, cancellationToken);

    /// <summary>Data from the stream's DATA frames; <paramref name="ended"/> when the frame ended the caller's side.</summary>
    internal void Receive(byte[] data, bool ended)
    {
        if (ended)
        {
            // Before the data: a method that reads this last message then sees that the caller is done.
            ReceivingEnded = true;
        }

        if (data.Length > 0)
        {
            received.Writer.TryWrite(data);
        }

        if (ended)
        {
            received.Writer.TryComplete();
        }
    }

    internal void EndReceiving()
    {
        ReceivingEnded = true;
        received.Writer.TryComplete();
    }

    // True when `count` bytes are buffered; false when the caller's side ended with none buffered.
    private async Task<bool> FillAsync(int count, CancellationToken cancellationToken)
    {
        while (end - start < count)
        {
            if (!await received.Reader.WaitToReadAsync(cancellationToken))
            {
                if (end == start)
                {
                    return false;
                }

                throw new InvalidDataException("the stream ended inside a gRPC message");
            }

            while (received.Reader.TryRead(out var chunk))
            {
                Append(chunk);
            }
        }

        return true;
    }

    private void Append(byte[] chunk)
    {
        if (buffer.Length - end < chunk.Length)
        {
            var kept = end - start;
            var grown = kept + chunk.Length > buffer.Length ? new byte[Math.Max(kept + chunk.Length, buffer.Length * 2)] : buffer;
            Buffer.BlockCopy(buffer, start, grown, 0, kept);
            buffer = grown;
            start = 0;
            end = kept;
        }

        Buffer.BlockCopy(chunk, 0, buffer, end, chunk.Length);
        end += chunk.Length;
    }
}
