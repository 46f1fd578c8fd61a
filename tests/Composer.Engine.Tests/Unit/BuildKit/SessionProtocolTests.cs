using Composer.Engine.BuildKit;
using Composer.Engine.BuildKit.Session;

namespace Composer.Engine.Tests.Unit.BuildKit;

/// <summary>The BuildKit session's HTTP/2, HPACK and gRPC pieces, on bytes this machine's engine really sent.</summary>
public sealed class SessionProtocolTests
{
    // The header block of the engine's first call on a session (engine 20.10, grpc-go): Huffman-coded literals,
    // some added to the dynamic table.
    private const string EngineHealthCheckBlock =
        "83864595626b2b22f394742675fb857c651d099d8bd3949d7f4186a0e41d139d095f8b1d75d0620d263d4c4d65647a8b9acac8b4c7602bb2caecff40027465864d833505b11f40899acac8b24d494f6a7f867df7df7c4d5b";

    [Fact]
    public void The_engines_header_block_decodes_with_huffman_strings_and_the_dynamic_table()
    {
        var decoder = new HpackDecoder();

        var headers = decoder.Decode(Convert.FromHexString(EngineHealthCheckBlock));

        Assert.Contains((":method", "POST"), headers);
        Assert.Contains((":scheme", "http"), headers);
        Assert.Contains((":path", "/grpc.health.v1.Health/Check"), headers);
        Assert.Contains(("content-type", "application/grpc"), headers);
        Assert.Contains(("te", "trailers"), headers);
        Assert.Contains(headers, header => header.Name == "user-agent" && header.Value.StartsWith("grpc-go/", StringComparison.Ordinal));
    }

    [Fact]
    public void Huffman_strings_of_the_rfc_examples_decode_and_bad_padding_is_refused()
    {
        // RFC 7541 C.4.1: "www.example.com".
        Assert.Equal("www.example.com"u8.ToArray(), HuffmanDecoder.Decode(Convert.FromHexString("f1e3c2e5f23a6ba0ab90f4ff")));
        // RFC 7541 C.4.2: "no-cache".
        Assert.Equal("no-cache"u8.ToArray(), HuffmanDecoder.Decode(Convert.FromHexString("a8eb10649cbf")));
        Assert.Throws<FormatException>(() => HuffmanDecoder.Decode([0xf1, 0xe3, 0xc2, 0x00]));
    }

    [Fact]
    public void Integers_longer_than_their_prefix_continue_in_the_next_bytes()
    {
        // RFC 7541 C.1.2: 1337 with a 5-bit prefix.
        var position = 0;
        Assert.Equal(1337, HpackDecoder.Integer([0x1f, 0x9a, 0x0a], ref position, 5));
        Assert.Equal(3, position);
    }

    [Fact]
    public async Task A_unary_call_gets_headers_the_message_and_the_status_trailer_and_an_unknown_method_is_unimplemented()
    {
        await using var peer = new Http2TestPeer(new Dictionary<string, GrpcMethod>(StringComparer.Ordinal)
        {
            ["/grpc.health.v1.Health/Check"] = GrpcReply.Unary(_ => GrpcReply.Ok([0x08, 0x01])),
        });

        await peer.StartAsync();
        await peer.SendAsync(Http2TestPeer.Headers, Http2TestPeer.EndHeaders, 1, Convert.FromHexString(EngineHealthCheckBlock));
        await peer.SendAsync(Http2TestPeer.Data, Http2TestPeer.EndStream, 1, [0, 0, 0, 0, 0]);
        await peer.CallAsync(3, "/nope.Service/Call", endStream: true);

        var frames = new List<(byte Type, byte Flags, int Stream, byte[] Payload)>();
        while (frames.Count(frame => frame.Type == Http2TestPeer.Headers && (frame.Flags & Http2TestPeer.EndStream) != 0) < 2)
        {
            frames.Add(await peer.ReadFrameAsync());
        }

        Assert.Contains(frames, frame => frame.Type == Http2TestPeer.Settings && frame.Flags == Http2TestPeer.Ack);
        var data = Assert.Single(frames, frame => frame.Type == Http2TestPeer.Data && frame.Stream == 1);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 0x08, 0x01 }, data.Payload);
        var trailers = frames.Where(frame => frame.Type == Http2TestPeer.Headers && (frame.Flags & Http2TestPeer.EndStream) != 0)
            .ToDictionary(frame => frame.Stream, frame => peer.Decoder.Decode(frame.Payload));
        Assert.Contains(("grpc-status", "0"), trailers[1]);
        Assert.Contains(("grpc-status", "12"), trailers[3]);
    }

    [Fact]
    public void A_secret_request_is_read_and_an_answer_written_in_protobuf()
    {
        var request = new ProtoWriter().String(1, "token").ToArray();
        var reader = new ProtoReader(request);
        Assert.True(reader.Next());
        Assert.Equal("token", reader.ReadString());
        Assert.Equal(new byte[] { 0x0a, 0x02, 0x68, 0x69 }, new ProtoWriter().Bytes(1, "hi"u8).ToArray());
    }
}
