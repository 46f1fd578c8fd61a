using System.Buffers.Binary;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// The server side of HTTP/2 (RFC 9113) over a connection the engine opened to us, just enough for unary gRPC calls:
/// settings and pings are acknowledged, each request's header block (HPACK) and body are collected, and the method
/// named by <c>:path</c> answers with headers, one gRPC-framed message and the grpc-status trailer. Streaming
/// methods are not served (they get UNIMPLEMENTED).
/// </summary>
internal sealed class Http2GrpcServer(Stream connection, IReadOnlyDictionary<string, Func<byte[], GrpcReply>> methods)
{
    private const byte Data = 0, Headers = 1, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7, WindowUpdate = 8, Continuation = 9;
    private const byte EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4, Padded = 0x8, Priority = 0x20;
    private const int MaxFrame = 16384;
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly HpackDecoder hpack = new();
    private readonly Dictionary<int, Call> calls = [];

    /// <summary>Serves until the engine closes the connection or sends GOAWAY, or the token ends it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var preface = new byte[Preface.Length];
        await connection.ReadExactlyAsync(preface, cancellationToken);
        if (!preface.AsSpan().SequenceEqual(Preface))
        {
            throw new InvalidDataException("the engine did not start HTTP/2 on the session");
        }

        await WriteFrameAsync(Settings, 0, 0, ReadOnlyMemory<byte>.Empty, cancellationToken);
        var header = new byte[9];
        int? continuing = null;
        while (true)
        {
            try
            {
                await connection.ReadExactlyAsync(header, cancellationToken);
            }
            catch (EndOfStreamException)
            {
                return;
            }

            var length = (header[0] << 16) | (header[1] << 8) | header[2];
            var type = header[3];
            var flags = header[4];
            var streamId = (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)) & 0x7fffffff);
            var payload = new byte[length];
            await connection.ReadExactlyAsync(payload, cancellationToken);
            switch (type)
            {
                case Settings when (flags & Ack) == 0:
                    await WriteFrameAsync(Settings, Ack, 0, ReadOnlyMemory<byte>.Empty, cancellationToken);
                    break;
                case Ping when (flags & Ack) == 0:
                    await WriteFrameAsync(Ping, Ack, 0, payload, cancellationToken);
                    break;
                case GoAway:
                    return;
                case Headers:
                    var block = Unpad(payload, flags);
                    if ((flags & Priority) != 0)
                    {
                        block = block[5..];
                    }

                    var call = calls[streamId] = new Call();
                    call.Block.Write(block);
                    call.Ended = (flags & EndStream) != 0;
                    continuing = streamId;
                    if ((flags & EndHeaders) != 0)
                    {
                        continuing = null;
                        await HeadersDoneAsync(streamId, call, cancellationToken);
                    }

                    break;
                case Continuation when continuing == streamId && calls.TryGetValue(streamId, out var continued):
                    continued.Block.Write(payload);
                    if ((flags & EndHeaders) != 0)
                    {
                        continuing = null;
                        await HeadersDoneAsync(streamId, continued, cancellationToken);
                    }

                    break;
                case Data:
                    if (length > 0)
                    {
                        // Give the window back at once: requests are small and answered as soon as they are complete.
                        var increment = new byte[4];
                        BinaryPrimitives.WriteUInt32BigEndian(increment, (uint)length);
                        await WriteFrameAsync(WindowUpdate, 0, 0, increment, cancellationToken);
                        await WriteFrameAsync(WindowUpdate, 0, streamId, increment, cancellationToken);
                    }

                    if (calls.TryGetValue(streamId, out var receiving))
                    {
                        receiving.Body.Write(Unpad(payload, flags));
                        if ((flags & EndStream) != 0)
                        {
                            calls.Remove(streamId);
                            await AnswerAsync(streamId, receiving, cancellationToken);
                        }
                    }

                    break;
                case RstStream:
                    calls.Remove(streamId);
                    break;
            }
        }
    }

    private async Task HeadersDoneAsync(int streamId, Call call, CancellationToken cancellationToken)
    {
        foreach (var (name, value) in hpack.Decode(call.Block.ToArray()))
        {
            if (name == ":path")
            {
                call.Path = value;
            }
        }

        if (call.Ended)
        {
            calls.Remove(streamId);
            await AnswerAsync(streamId, call, cancellationToken);
        }
    }

    private async Task AnswerAsync(int streamId, Call call, CancellationToken cancellationToken)
    {
        GrpcReply reply;
        if (call.Path is null || !methods.TryGetValue(call.Path, out var method))
        {
            reply = GrpcReply.Fail(12, $"{call.Path} is not served by composer");
        }
        else
        {
            var body = call.Body.ToArray();
            if (body.Length < 5 || body[0] != 0)
            {
                reply = GrpcReply.Fail(13, "expected one uncompressed gRPC message");
            }
            else
            {
                var size = (int)BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(1));
                reply = size > body.Length - 5 ? GrpcReply.Fail(13, "truncated gRPC message") : method(body[5..(5 + size)]);
            }
        }

        var responseHeaders = new List<(string, string)> { (":status", "200"), ("content-type", "application/grpc") };
        if (reply.Message is not { } message)
        {
            // Trailers only: the status in the one header block that ends the stream.
            responseHeaders.Add(("grpc-status", reply.Status.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            responseHeaders.Add(("grpc-message", Uri.EscapeDataString(reply.Error ?? "")));
            await WriteFrameAsync(Headers, EndHeaders | EndStream, streamId, HpackEncoder.Encode(responseHeaders), cancellationToken);
            return;
        }

        await WriteFrameAsync(Headers, EndHeaders, streamId, HpackEncoder.Encode(responseHeaders), cancellationToken);
        var framed = new byte[message.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed, 5);
        for (var offset = 0; offset < framed.Length; offset += MaxFrame)
        {
            await WriteFrameAsync(Data, 0, streamId, framed.AsMemory(offset, Math.Min(MaxFrame, framed.Length - offset)), cancellationToken);
        }

        await WriteFrameAsync(Headers, EndHeaders | EndStream, streamId, HpackEncoder.Encode([("grpc-status", "0")]), cancellationToken);
    }

    private async Task WriteFrameAsync(byte type, byte flags, int streamId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(5), (uint)streamId);
        payload.CopyTo(frame.AsMemory(9));
        await writeGate.WaitAsync(cancellationToken);
        try
        {
            await connection.WriteAsync(frame, cancellationToken);
            await connection.FlushAsync(cancellationToken);
        }
        finally
        {
            writeGate.Release();
        }
    }

    private static byte[] Unpad(byte[] payload, byte flags)
    {
        if ((flags & Padded) == 0)
        {
            return payload;
        }

        var padding = payload[0];
        return payload[1..(payload.Length - padding)];
    }

    private sealed class Call
    {
        public MemoryStream Block { get; } = new();

        public MemoryStream Body { get; } = new();

        public string? Path { get; set; }

        public bool Ended { get; set; }
    }
}
