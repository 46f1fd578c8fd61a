using System.Buffers.Binary;
using System.IO.Pipelines;
using Composer.Engine.BuildKit.Session;

namespace Composer.Engine.Tests.Unit.BuildKit;

/// <summary>
/// The engine's side of a session in unit tests: an HTTP/2 client writing raw frames to an
/// <see cref="Http2GrpcServer"/> over in-memory pipes and reading its frames back.
/// </summary>
internal sealed class Http2TestPeer : IAsyncDisposable
{
    public const byte Data = 0, Headers = 1, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7, WindowUpdate = 8;
    public const byte EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4;

    private readonly Stream toServer;
    private readonly Stream fromServer;
    private readonly CancellationTokenSource stop = new(TimeSpan.FromSeconds(20));

    public Http2TestPeer(IReadOnlyDictionary<string, GrpcMethod> methods)
    {
        var requests = new Pipe();
        var replies = new Pipe();
        toServer = requests.Writer.AsStream();
        fromServer = replies.Reader.AsStream();
        Serving = new Http2GrpcServer(new DuplexStream(requests.Reader.AsStream(), replies.Writer.AsStream()), methods).RunAsync(stop.Token);
    }

    public Task Serving { get; }

    public CancellationToken Token => stop.Token;

    public HpackDecoder Decoder { get; } = new();

    /// <summary>The connection preface and our SETTINGS (id, value pairs).</summary>
    public async Task StartAsync(params (ushort Id, uint Value)[] settings)
    {
        await toServer.WriteAsync("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray(), Token);
        var payload = new byte[settings.Length * 6];
        for (var i = 0; i < settings.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(payload.AsSpan(i * 6), settings[i].Id);
            BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(i * 6 + 2), settings[i].Value);
        }

        await SendAsync(Settings, 0, 0, payload);
    }

    public Task SendAsync(byte type, byte flags, int stream, byte[] payload) => toServer.WriteAsync(Frame(type, flags, stream, payload), Token).AsTask();

    public Task CallAsync(int stream, string path, bool endStream = false, params (string, string)[] metadata) =>
        SendAsync(Headers, (byte)(EndHeaders | (endStream ? EndStream : 0)), stream,
            HpackEncoder.Encode([(":method", "POST"), (":scheme", "http"), (":path", path), ("content-type", "application/grpc"), .. metadata]));

    public Task WindowUpdateAsync(int stream, uint increment)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, increment);
        return SendAsync(WindowUpdate, 0, stream, payload);
    }

    public async Task<(byte Type, byte Flags, int Stream, byte[] Payload)> ReadFrameAsync()
    {
        var header = new byte[9];
        await fromServer.ReadExactlyAsync(header, Token);
        var payload = new byte[(header[0] << 16) | (header[1] << 8) | header[2]];
        await fromServer.ReadExactlyAsync(payload, Token);
        return (header[3], header[4], (int)(BinaryPrimitives.ReadUInt32BigEndian(header.AsSpan(5)) & 0x7fffffff), payload);
    }

    /// <summary>A gRPC length-prefixed message.</summary>
    public static byte[] Message(byte[] body)
    {
        var framed = new byte[body.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)body.Length);
        body.CopyTo(framed, 5);
        return framed;
    }

    public static byte[] Frame(byte type, byte flags, int stream, byte[] payload)
    {
        var frame = new byte[9 + payload.Length];
        frame[0] = (byte)(payload.Length >> 16);
        frame[1] = (byte)(payload.Length >> 8);
        frame[2] = (byte)payload.Length;
        frame[3] = type;
        frame[4] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(5), (uint)stream);
        payload.CopyTo(frame, 9);
        return frame;
    }

    public async ValueTask DisposeAsync()
    {
        await SendAsync(GoAway, 0, 0, new byte[8]);
        await Serving;
        stop.Dispose();
    }

    private sealed class DuplexStream(Stream reading, Stream writing) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => writing.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => writing.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => reading.Read(buffer, offset, count);
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => reading.ReadAsync(buffer, cancellationToken);
        public override void Write(byte[] buffer, int offset, int count) => writing.Write(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => writing.WriteAsync(buffer, cancellationToken);
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
