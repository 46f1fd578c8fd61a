using System.Buffers.Binary;
using Composer.Engine.BuildKit.Session;

namespace Composer.Engine.Tests.Unit.BuildKit;

/// <summary>The session server's HTTP/2 flow control and streaming calls, against a scripted engine side.</summary>
public sealed class Http2FlowControlTests
{
    private const ushort InitialWindowSize = 0x4, MaxFrameSize = 0x5;

    [Fact]
    public async Task An_answer_larger_than_the_windows_waits_for_window_updates_and_uses_the_peers_frame_size()
    {
        var answer = new byte[100_000];
        new Random(7).NextBytes(answer);
        await using var peer = new Http2TestPeer(new Dictionary<string, GrpcMethod>(StringComparer.Ordinal)
        {
            ["/test.Big/Get"] = GrpcReply.Unary(_ => GrpcReply.Ok(answer)),
        });
        await peer.StartAsync((InitialWindowSize, 10_000), (MaxFrameSize, 20_000));
        await peer.CallAsync(1, "/test.Big/Get");
        await peer.SendAsync(Http2TestPeer.Data, Http2TestPeer.EndStream, 1, Http2TestPeer.Message([]));
        var received = new MemoryStream();
        var frameSizes = new List<int>();

        // The stream's window (10,000 from our SETTINGS) runs out first.
        await ReadDataAsync(peer, received, frameSizes, until: 10_000);
        await AssertNothingMoreSentAsync(peer, received);

        // Credit on the stream alone: the connection's default window (65,535) is the limit now.
        await peer.WindowUpdateAsync(1, 200_000);
        await ReadDataAsync(peer, received, frameSizes, until: 65_535);
        await AssertNothingMoreSentAsync(peer, received);

        // Credit on the connection: the rest, then the trailer.
        await peer.WindowUpdateAsync(0, 100_000);
        var trailer = await ReadDataAsync(peer, received, frameSizes, until: answer.Length + 5, trailerExpected: true);

        Assert.Contains(("grpc-status", "0"), peer.Decoder.Decode(trailer!.Value.Payload));
        Assert.All(frameSizes, size => Assert.InRange(size, 1, 20_000));
        Assert.Contains(20_000, frameSizes);
        Assert.Equal(Http2TestPeer.Message(answer), received.ToArray());
    }

    [Fact]
    public async Task Data_received_is_credited_back_on_the_connection_and_the_stream()
    {
        var gate = new TaskCompletionSource();
        await using var peer = new Http2TestPeer(new Dictionary<string, GrpcMethod>(StringComparer.Ordinal)
        {
            ["/test.Slow/Call"] = async (call, token) =>
            {
                await gate.Task.WaitAsync(token);
                return GrpcStatus.Ok;
            },
        });
        await peer.StartAsync();
        await peer.CallAsync(1, "/test.Slow/Call");

        await peer.SendAsync(Http2TestPeer.Data, 0, 1, new byte[3000]);

        var updates = new Dictionary<int, uint>();
        while (updates.Count < 2)
        {
            var frame = await peer.ReadFrameAsync();
            if (frame.Type == Http2TestPeer.WindowUpdate)
            {
                updates[frame.Stream] = BinaryPrimitives.ReadUInt32BigEndian(frame.Payload);
            }
        }

        Assert.Equal(3000u, updates[0]);
        Assert.Equal(3000u, updates[1]);
        gate.SetResult();
    }

    [Fact]
    public async Task A_bidirectional_stream_echoes_messages_split_across_frames_until_the_caller_ends_its_side()
    {
        await using var peer = new Http2TestPeer(new Dictionary<string, GrpcMethod>(StringComparer.Ordinal)
        {
            ["/test.Echo/Stream"] = async (call, token) =>
            {
                var prefix = System.Text.Encoding.UTF8.GetBytes(call.Metadata.GetValueOrDefault("echo-prefix", ""));
                while (await call.ReadMessageAsync(token) is { } message)
                {
                    await call.WriteMessageAsync(prefix.Concat(message).ToArray(), token);
                }

                return GrpcStatus.Ok;
            },
        });
        await peer.StartAsync();
        await peer.CallAsync(1, "/test.Echo/Stream", false, ("echo-prefix", ">"));
        var first = Http2TestPeer.Message("hello"u8.ToArray());

        await peer.SendAsync(Http2TestPeer.Data, 0, 1, first[..3]);
        await peer.SendAsync(Http2TestPeer.Data, 0, 1, first[3..]);
        Assert.Equal(Http2TestPeer.Message(">hello"u8.ToArray()), (await NextDataAsync(peer)).Payload);
        await peer.SendAsync(Http2TestPeer.Data, 0, 1, Http2TestPeer.Message("again"u8.ToArray()));
        Assert.Equal(Http2TestPeer.Message(">again"u8.ToArray()), (await NextDataAsync(peer)).Payload);
        await peer.SendAsync(Http2TestPeer.Data, Http2TestPeer.EndStream, 1, []);

        (byte Type, byte Flags, int Stream, byte[] Payload) trailer;
        do
        {
            trailer = await peer.ReadFrameAsync();
        }
        while (trailer.Type != Http2TestPeer.Headers || (trailer.Flags & Http2TestPeer.EndStream) == 0);

        Assert.Contains(("grpc-status", "0"), peer.Decoder.Decode(trailer.Payload));
    }

    // Reads frames, collecting stream 1's DATA, until `until` bytes came (and the trailer, when expected).
    private static async Task<(byte Type, byte Flags, int Stream, byte[] Payload)?> ReadDataAsync(Http2TestPeer peer, MemoryStream received, List<int> frameSizes, int until, bool trailerExpected = false)
    {
        while (true)
        {
            var frame = await peer.ReadFrameAsync();
            if (frame.Type == Http2TestPeer.Data)
            {
                Assert.True(received.Length + frame.Payload.Length <= until, $"sent {received.Length + frame.Payload.Length} bytes, the windows allowed {until}");
                received.Write(frame.Payload);
                frameSizes.Add(frame.Payload.Length);
            }
            else if (frame.Type == Http2TestPeer.Headers && (frame.Flags & Http2TestPeer.EndStream) != 0)
            {
                Assert.Equal(until, received.Length);
                return frame;
            }

            if (received.Length == until && !trailerExpected)
            {
                return null;
            }
        }
    }

    // A PING is answered by the frame loop: any DATA sent beyond the window before its answer is a violation.
    private static async Task AssertNothingMoreSentAsync(Http2TestPeer peer, MemoryStream received)
    {
        await peer.SendAsync(Http2TestPeer.Ping, 0, 0, new byte[8]);
        while (true)
        {
            var frame = await peer.ReadFrameAsync();
            Assert.NotEqual(Http2TestPeer.Data, frame.Type);
            if (frame.Type == Http2TestPeer.Ping && frame.Flags == Http2TestPeer.Ack)
            {
                return;
            }
        }
    }

    private static async Task<(byte Type, byte Flags, int Stream, byte[] Payload)> NextDataAsync(Http2TestPeer peer)
    {
        while (true)
        {
            var frame = await peer.ReadFrameAsync();
            if (frame.Type == Http2TestPeer.Data)
            {
                return frame;
            }
        }
    }
}
