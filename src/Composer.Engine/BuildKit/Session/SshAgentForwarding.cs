using System.Buffers.Binary;
using System.Net.Sockets;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// BuildKit's <c>moby.sshforward.v1.SSH</c> service on the session: <c>CheckAgent</c> tells the engine whether an
/// id is forwarded, and each <c>ForwardAgent</c> call (a bidirectional stream of <c>BytesMessage { bytes data = 1 }</c>
/// the engine opens for every connection a <c>RUN --mount=type=ssh</c> step makes to its SSH_AUTH_SOCK, naming the
/// id in the <c>buildkit.ssh.id</c> metadata) is relayed to that id's agent socket. As buildx does, the build gets
/// a read-only agent: it may list identities and ask for signatures; adding, removing, locking and extensions are
/// answered SSH_AGENT_FAILURE without reaching the agent. Requests are relayed one at a time, each with its answer.
/// </summary>
internal sealed class SshAgentForwarding(IReadOnlyDictionary<string, string> sockets)
{
    public const string CheckMethod = "/moby.sshforward.v1.SSH/CheckAgent";
    public const string ForwardMethod = "/moby.sshforward.v1.SSH/ForwardAgent";

    private const string IdMetadata = "buildkit.ssh.id";
    private const string DefaultId = "default";

    // SSH2_AGENTC_REQUEST_IDENTITIES and SSH2_AGENTC_SIGN_REQUEST (draft-miller-ssh-agent).
    private const byte RequestIdentities = 11, SignRequest = 13;

    // The agent protocol's own bound on a message (OpenSSH's AGENT_MAX_LEN).
    private const int MaxAgentMessage = 256 * 1024;

    private static readonly byte[] Failure = [0, 0, 0, 1, 5];

    // CheckAgentRequest { string ID = 1; } -> CheckAgentResponse { }
    public GrpcReply Check(byte[] request)
    {
        var id = DefaultId;
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                id = reader.ReadString() is { Length: > 0 } named ? named : DefaultId;
            }
            else
            {
                reader.Skip();
            }
        }

        return sockets.ContainsKey(id) ? GrpcReply.Ok([]) : GrpcReply.Fail(5, $"ssh agent \"{id}\" is not forwarded by this build (build.ssh)");
    }

    public async Task<GrpcStatus> ForwardAsync(GrpcCall call, CancellationToken cancellationToken)
    {
        var id = call.Metadata.GetValueOrDefault(IdMetadata) is { Length: > 0 } named ? named : DefaultId;
        if (!sockets.TryGetValue(id, out var path))
        {
            return new GrpcStatus(5, $"ssh agent \"{id}\" is not forwarded by this build (build.ssh)");
        }

        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cancellationToken);
        }
        catch (SocketException exception)
        {
            return new GrpcStatus(14, $"cannot reach the ssh agent \"{id}\" at {path}: {exception.Message}");
        }

        await using var agent = new NetworkStream(socket, ownsSocket: false);
        var requests = new AgentMessages();
        while (await requests.NextAsync(call, cancellationToken) is { } request)
        {
            var answer = request[4] is RequestIdentities or SignRequest
                ? await RelayAsync(agent, request, cancellationToken)
                : Failure;
            await call.WriteMessageAsync(new ProtoWriter().Bytes(1, answer).ToArray(), cancellationToken);
        }

        return GrpcStatus.Ok;
    }

    private static async Task<byte[]> RelayAsync(NetworkStream agent, byte[] request, CancellationToken cancellationToken)
    {
        await agent.WriteAsync(request, cancellationToken);
        var length = new byte[4];
        await agent.ReadExactlyAsync(length, cancellationToken);
        var size = BinaryPrimitives.ReadUInt32BigEndian(length);
        if (size is 0 or > MaxAgentMessage)
        {
            throw new InvalidDataException($"the ssh agent answered a message of {size} bytes");
        }

        var answer = new byte[4 + size];
        length.CopyTo(answer, 0);
        await agent.ReadExactlyAsync(answer.AsMemory(4), cancellationToken);
        return answer;
    }

    /// <summary>The agent requests in the stream's BytesMessages, which split and join them as the sender's reads did.</summary>
    private sealed class AgentMessages
    {
        private readonly MemoryStream pending = new();

        /// <summary>The next whole request (length prefix included); null when the stream ended between requests.</summary>
        public async Task<byte[]?> NextAsync(GrpcCall call, CancellationToken cancellationToken)
        {
            while (true)
            {
                if (pending.Length >= 4)
                {
                    var buffered = pending.GetBuffer();
                    var size = BinaryPrimitives.ReadUInt32BigEndian(buffered);
                    if (size is 0 or > MaxAgentMessage)
                    {
                        throw new InvalidDataException($"an ssh agent request of {size} bytes");
                    }

                    if (pending.Length >= 4 + size)
                    {
                        var request = buffered.AsSpan(0, 4 + (int)size).ToArray();
                        var rest = buffered.AsSpan(request.Length, (int)pending.Length - request.Length).ToArray();
                        pending.SetLength(0);
                        pending.Write(rest);
                        return request;
                    }
                }

                if (await call.ReadMessageAsync(cancellationToken) is not { } message)
                {
                    return pending.Length == 0 ? null : throw new InvalidDataException("the build's ssh connection ended inside an agent request");
                }

                // BytesMessage { bytes data = 1; }
                var reader = new ProtoReader(message);
                while (reader.Next())
                {
                    if (reader.Field == 1 && reader.WireType == 2)
                    {
                        pending.Write(reader.ReadBytes());
                    }
                    else
                    {
                        reader.Skip();
                    }
                }
            }
        }
    }
}
