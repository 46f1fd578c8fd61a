using System.Net.Sockets;
using Composer.Engine.BuildKit;
using Composer.Engine.BuildKit.Session;

namespace Composer.Engine.Tests.Unit.BuildKit;

/// <summary>The session's ssh forwarding service against a scripted agent socket.</summary>
public sealed class SshAgentForwardingTests : IDisposable
{
    // SSH2_AGENT_IDENTITIES_ANSWER with no keys.
    private static readonly byte[] NoIdentities = [0, 0, 0, 5, 12, 0, 0, 0, 0];

    private readonly string folder = Directory.CreateTempSubdirectory("composer-ssh-forward-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task CheckAgent_knows_the_forwarded_ids_and_ForwardAgent_relays_requests_split_across_messages_refusing_changes()
    {
        var socketPath = Path.Combine(folder, "agent.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        listener.Listen();
        var forwarding = new SshAgentForwarding(new Dictionary<string, string>(StringComparer.Ordinal) { ["deploy"] = socketPath });
        await using var peer = new Http2TestPeer(new Dictionary<string, GrpcMethod>(StringComparer.Ordinal)
        {
            [SshAgentForwarding.CheckMethod] = GrpcReply.Unary(forwarding.Check),
            [SshAgentForwarding.ForwardMethod] = forwarding.ForwardAsync,
        });
        await peer.StartAsync();

        await peer.CallAsync(1, SshAgentForwarding.CheckMethod);
        await peer.SendAsync(Http2TestPeer.Data, Http2TestPeer.EndStream, 1, Http2TestPeer.Message(new ProtoWriter().String(1, "deploy").ToArray()));
        await peer.CallAsync(3, SshAgentForwarding.CheckMethod);
        await peer.SendAsync(Http2TestPeer.Data, Http2TestPeer.EndStream, 3, Http2TestPeer.Message([]));
        var checks = await TrailersAsync(peer, 1, 3);
        Assert.Contains(("grpc-status", "0"), checks[1]);
        Assert.Contains(("grpc-status", "5"), checks[3]);

        await peer.CallAsync(5, SshAgentForwarding.ForwardMethod, false, ("buildkit.ssh.id", "deploy"));
        using var agent = await listener.AcceptAsync(peer.Token);
        // REQUEST_IDENTITIES split over two messages, REMOVE_ALL_IDENTITIES in the second.
        await peer.SendAsync(Http2TestPeer.Data, 0, 5, Http2TestPeer.Message(new ProtoWriter().Bytes(1, [0, 0, 0]).ToArray()));
        await peer.SendAsync(Http2TestPeer.Data, 0, 5, Http2TestPeer.Message(new ProtoWriter().Bytes(1, [1, 11, 0, 0, 0, 1, 19]).ToArray()));
        var request = new byte[5];
        await agent.ReceiveAsync(request, peer.Token);
        Assert.Equal(new byte[] { 0, 0, 0, 1, 11 }, request);
        await agent.SendAsync(NoIdentities, peer.Token);

        Assert.Equal(NoIdentities, await NextBytesAsync(peer));
        Assert.Equal(new byte[] { 0, 0, 0, 1, 5 }, await NextBytesAsync(peer));
        await peer.SendAsync(Http2TestPeer.Data, Http2TestPeer.EndStream, 5, []);
        Assert.Contains(("grpc-status", "0"), (await TrailersAsync(peer, 5))[5]);
        // The refused request never reached the agent: the relay closed the connection with nothing more sent.
        Assert.Equal(0, await agent.ReceiveAsync(new byte[16], peer.Token));
    }

    private static async Task<byte[]> NextBytesAsync(Http2TestPeer peer)
    {
        while (true)
        {
            var frame = await peer.ReadFrameAsync();
            if (frame.Type == Http2TestPeer.Data)
            {
                var reader = new ProtoReader(frame.Payload.AsSpan(5));
                Assert.True(reader.Next());
                return reader.ReadBytes().ToArray();
            }
        }
    }

    // The trailers of the given streams, which may end in any order.
    private static async Task<Dictionary<int, List<(string Name, string Value)>>> TrailersAsync(Http2TestPeer peer, params int[] streams)
    {
        var trailers = new Dictionary<int, List<(string Name, string Value)>>();
        while (trailers.Count < streams.Length)
        {
            var frame = await peer.ReadFrameAsync();
            if (frame.Type == Http2TestPeer.Headers && streams.Contains(frame.Stream) && (frame.Flags & Http2TestPeer.EndStream) != 0)
            {
                trailers[frame.Stream] = peer.Decoder.Decode(frame.Payload);
            }
        }

        return trailers;
    }
}
