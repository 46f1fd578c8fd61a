using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Globalization;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// The server side of HTTP/2 (RFC 9113) over a connection the engine opened to us, enough for gRPC calls, unary
/// and streaming: settings and pings are acknowledged, each request's header block (HPACK) opens a call whose
/// method runs on its own task (so the frame loop keeps reading while a method waits for window credit or for its
/// caller's next message), and a method's messages go out in DATA frames within the peer's flow-control windows
/// and SETTINGS_MAX_FRAME_SIZE, followed by the grpc-status trailer. DATA received is credited back at once with
/// WINDOW_UPDATE: what the engine sends on a session (requests, agent messages) is small.
/// </summary>
internal sealed class Http2GrpcServer(Stream connection, IReadOnlyDictionary<string, GrpcMethod> methods)
{
    private const byte Data = 0, Headers = 1, RstStream = 3, Settings = 4, Ping = 6, GoAway = 7, WindowUpdate = 8, Continuation = 9;
    private const byte EndStream = 0x1, Ack = 0x1, EndHeaders = 0x4, Padded = 0x8, Priority = 0x20;
    private const ushort InitialWindowSizeSetting = 0x4, MaxFrameSizeSetting = 0x5;
    private const uint NoError = 0x0, FlowControlError = 0x3;
    private const int DefaultMaxFrame = 16384;
    private static readonly byte[] Preface = "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"u8.ToArray();

    private readonly SemaphoreSlim writeGate = new(1, 1);
    private readonly HpackDecoder hpack = new();
    private readonly SendWindows windows = new();
    private readonly ConcurrentDictionary<int, OpenCall> calls = new();
    private readonly ConcurrentDictionary<Task, bool> running = new();
    private int maxFrame = DefaultMaxFrame;

    /// <summary>Serves until the engine closes the connection or sends GOAWAY, or the token ends it.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await ReadFramesAsync(stopping.Token);
        }
        finally
        {
            // The methods still running end with the connection.
            await stopping.CancelAsync();
            foreach (var call in calls.Values)
            {
                call.Call.EndReceiving();
            }

            await Task.WhenAll(running.Keys).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async Task ReadFramesAsync(CancellationToken cancellationToken)
    {
        var preface = new byte[Preface.Length];
        await connection.ReadExactlyAsync(preface, cancellationToken);
        if (!preface.AsSpan().SequenceEqual(Preface))
        {
            throw new InvalidDataException("the engine did not start HTTP/2 on the session");
        }

        await WriteFrameAsync(Settings, 0, 0, ReadOnlyMemory<byte>.Empty, cancellationToken);
        var header = new byte[9];
        (int StreamId, bool Ended, MemoryStream Block)? opening = null;
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
                    if (!ApplySettings(payload))
                    {
                        await GoAwayAsync(FlowControlError, cancellationToken);
                        return;
                    }

                    await WriteFrameAsync(Settings, Ack, 0, ReadOnlyMemory<byte>.Empty, cancellationToken);
                    break;
                case Ping when (flags & Ack) == 0:
                    await WriteFrameAsync(Ping, Ack, 0, payload, cancellationToken);
                    break;
                case GoAway:
                    return;
                case WindowUpdate when length == 4:
                    var increment = BinaryPrimitives.ReadUInt32BigEndian(payload) & 0x7fffffff;
                    if (!windows.Credit(streamId, increment))
                    {
                        if (streamId == 0)
                        {
                            await GoAwayAsync(FlowControlError, cancellationToken);
                            return;
                        }

                        await ResetAsync(streamId, FlowControlError, cancellationToken);
                    }

                    break;
                case Headers when calls.TryGetValue(streamId, out var trailing):
                    // Trailers from the caller: gRPC callers send none, but they would end its side.
                    if ((flags & EndStream) != 0)
                    {
                        trailing.Call.EndReceiving();
                    }

                    break;
                case Headers:
                    var block = Unpad(payload, flags);
                    if ((flags & Priority) != 0)
                    {
                        block = block[5..];
                    }

                    opening = (streamId, (flags & EndStream) != 0, new MemoryStream());
                    opening.Value.Block.Write(block);
                    if ((flags & EndHeaders) != 0)
                    {
                        Open(opening.Value.StreamId, opening.Value.Ended, opening.Value.Block, cancellationToken);
                        opening = null;
                    }

                    break;
                case Continuation when opening is { } continued && continued.StreamId == streamId:
                    continued.Block.Write(payload);
                    if ((flags & EndHeaders) != 0)
                    {
                        Open(continued.StreamId, continued.Ended, continued.Block, cancellationToken);
                        opening = null;
                    }

                    break;
                case Data:
                    await ReceiveDataAsync(streamId, flags, payload, cancellationToken);
                    break;
                case RstStream:
                    if (calls.TryRemove(streamId, out var reset))
                    {
                        Close(reset);
                    }

                    break;
            }
        }
    }

    private async Task ReceiveDataAsync(int streamId, byte flags, byte[] payload, CancellationToken cancellationToken)
    {
        var ended = (flags & EndStream) != 0;
        if (payload.Length > 0)
        {
            // All of the frame counts against the windows, padding included; give it back at once.
            var increment = new byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(increment, (uint)payload.Length);
            await WriteFrameAsync(WindowUpdate, 0, 0, increment, cancellationToken);
            if (!ended && calls.ContainsKey(streamId))
            {
                await WriteFrameAsync(WindowUpdate, 0, streamId, increment, cancellationToken);
            }
        }

        if (calls.TryGetValue(streamId, out var receiving))
        {
            receiving.Call.Receive(Unpad(payload, flags), ended);
        }
    }

    private bool ApplySettings(byte[] payload)
    {
        for (var offset = 0; offset + 6 <= payload.Length; offset += 6)
        {
            var id = BinaryPrimitives.ReadUInt16BigEndian(payload.AsSpan(offset));
            var value = BinaryPrimitives.ReadUInt32BigEndian(payload.AsSpan(offset + 2));
            switch (id)
            {
                case InitialWindowSizeSetting:
                    if (value > SendWindows.MaxWindow || !windows.SetInitial(value))
                    {
                        return false;
                    }

                    break;
                case MaxFrameSizeSetting when value is >= DefaultMaxFrame and <= 0xffffff:
                    Volatile.Write(ref maxFrame, (int)value);
                    break;
            }
        }

        return true;
    }

    private void Open(int streamId, bool ended, MemoryStream block, CancellationToken cancellationToken)
    {
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in hpack.Decode(block.ToArray()))
        {
            metadata[name] = value;
        }

        var call = new GrpcCall(streamId, metadata, SendMessageAsync);
        var open = new OpenCall(call, CancellationTokenSource.CreateLinkedTokenSource(cancellationToken));
        calls[streamId] = open;
        windows.Open(streamId);
        if (ended)
        {
            call.EndReceiving();
        }

        var serving = Task.Run(() => ServeAsync(open), CancellationToken.None);
        running[serving] = true;
        serving.ContinueWith(done => running.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task ServeAsync(OpenCall open)
    {
        var call = open.Call;
        var token = open.Reset.Token;
        GrpcStatus status;
        try
        {
            status = methods.TryGetValue(call.Path, out var method)
                ? await method(call, token)
                : new GrpcStatus(12, $"{call.Path} is not served by composer");
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Reset by the caller, or the session is closing: nothing more goes on this stream.
            Forget(open);
            open.Reset.Dispose();
            return;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A method that fails answers INTERNAL with its reason rather than leaving the caller waiting.
            status = new GrpcStatus(13, exception.Message);
        }

        try
        {
            await FinishAsync(call, status, token);
            if (!call.ReceivingEnded)
            {
                // Our side is done before the caller's: tell it to stop sending (as gRPC servers do).
                await ResetAsync(call.StreamId, NoError, token);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The connection or the stream went away while answering.
        }
        finally
        {
            Forget(open);
            open.Reset.Dispose();
        }
    }

    private void Forget(OpenCall open)
    {
        calls.TryRemove(new KeyValuePair<int, OpenCall>(open.Call.StreamId, open));
        Close(open);
    }

    private void Close(OpenCall open)
    {
        windows.Close(open.Call.StreamId);
        open.Call.EndReceiving();
        try
        {
            open.Reset.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already closed.
        }
    }

    private async Task SendMessageAsync(GrpcCall call, ReadOnlyMemory<byte> message, CancellationToken cancellationToken)
    {
        if (!call.HeadersSent)
        {
            call.HeadersSent = true;
            await WriteFrameAsync(Headers, EndHeaders, call.StreamId, HpackEncoder.Encode([(":status", "200"), ("content-type", "application/grpc")]), cancellationToken);
        }

        var framed = new byte[message.Length + 5];
        BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)message.Length);
        message.CopyTo(framed.AsMemory(5));
        var offset = 0;
        while (offset < framed.Length)
        {
            var wanted = Math.Min(Volatile.Read(ref maxFrame), framed.Length - offset);
            var granted = await windows.TakeAsync(call.StreamId, wanted, cancellationToken);
            await WriteFrameAsync(Data, 0, call.StreamId, framed.AsMemory(offset, granted), cancellationToken);
            offset += granted;
        }
    }

    private async Task FinishAsync(GrpcCall call, GrpcStatus status, CancellationToken cancellationToken)
    {
        var trailers = new List<(string, string)>();
        if (!call.HeadersSent)
        {
            // Trailers only: the status in the one header block that ends the stream.
            trailers.Add((":status", "200"));
            trailers.Add(("content-type", "application/grpc"));
        }

        trailers.Add(("grpc-status", status.Code.ToString(CultureInfo.InvariantCulture)));
        if (status.Message.Length > 0)
        {
            trailers.Add(("grpc-message", Uri.EscapeDataString(status.Message)));
        }

        await WriteFrameAsync(Headers, EndHeaders | EndStream, call.StreamId, HpackEncoder.Encode(trailers), cancellationToken);
    }

    private Task ResetAsync(int streamId, uint code, CancellationToken cancellationToken)
    {
        var payload = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(payload, code);
        return WriteFrameAsync(RstStream, 0, streamId, payload, cancellationToken);
    }

    private Task GoAwayAsync(uint code, CancellationToken cancellationToken)
    {
        var payload = new byte[8];
        BinaryPrimitives.WriteUInt32BigEndian(payload.AsSpan(4), code);
        return WriteFrameAsync(GoAway, 0, 0, payload, cancellationToken);
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

        var padding = payload.Length > 0 ? payload[0] : int.MaxValue;
        if (padding >= payload.Length)
        {
            throw new InvalidDataException("HTTP/2: padding longer than the frame");
        }

        return payload[1..(payload.Length - padding)];
    }

    private sealed record OpenCall(GrpcCall Call, CancellationTokenSource Reset);
}
