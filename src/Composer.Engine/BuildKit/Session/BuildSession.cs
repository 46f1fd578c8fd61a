using System.Net;

namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// A BuildKit session for one build: <c>POST /session</c> with <c>Upgrade: h2c</c>, after which the engine is the
/// HTTP/2 client and calls the gRPC methods the headers announced: the health check, build secrets and, when the
/// build forwards ssh agents, the ssh forwarding service. The build names it with <c>session=</c>; disposing closes it.
/// </summary>
internal sealed class BuildSession : IAsyncDisposable
{
    private const string SecretsMethod = "/moby.buildkit.secrets.v1.Secrets/GetSecret";
    private const string HealthMethod = "/grpc.health.v1.Health/Check";

    private readonly HttpResponseMessage response;
    private readonly Stream connection;
    private readonly CancellationTokenSource stop = new();
    private readonly Task serving;

    private BuildSession(string id, HttpResponseMessage response, Stream connection, IReadOnlyDictionary<string, GrpcMethod> methods)
    {
        Id = id;
        this.response = response;
        this.connection = connection;
        serving = Task.Run(() => new Http2GrpcServer(connection, methods).RunAsync(stop.Token));
    }

    public string Id { get; }

    /// <param name="secrets">Secret id to its content.</param>
    /// <param name="sshAgents">ssh id to the agent socket its ForwardAgent calls are relayed to.</param>
    public static async Task<BuildSession> OpenAsync(HttpClient http, string apiVersion, IReadOnlyDictionary<string, byte[]> secrets,
        IReadOnlyDictionary<string, string> sshAgents, CancellationToken cancellationToken)
    {
        var methods = new Dictionary<string, GrpcMethod>(StringComparer.Ordinal)
        {
            // HealthCheckResponse { status = SERVING (1) }
            [HealthMethod] = GrpcReply.Unary(_ => GrpcReply.Ok([0x08, 0x01])),
            [SecretsMethod] = GrpcReply.Unary(request => GetSecret(request, secrets)),
        };
        if (sshAgents.Count > 0)
        {
            // Only announced when the build forwards an agent: the engine then knows the session has none.
            var forwarding = new SshAgentForwarding(sshAgents);
            methods[SshAgentForwarding.CheckMethod] = GrpcReply.Unary(forwarding.Check);
            methods[SshAgentForwarding.ForwardMethod] = forwarding.ForwardAsync;
        }

        var id = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"v{apiVersion}/session");
        request.Headers.Connection.Add("Upgrade");
        request.Headers.Upgrade.Add(new System.Net.Http.Headers.ProductHeaderValue("h2c"));
        request.Headers.Add("X-Docker-Expose-Session-Uuid", id);
        request.Headers.Add("X-Docker-Expose-Session-Name", "composer");
        request.Headers.Add("X-Docker-Expose-Session-Sharedkey", id);
        request.Headers.Add("X-Docker-Expose-Session-Grpc-Method", methods.Keys);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.SwitchingProtocols)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new Contracts.EngineException($"the engine refused a BuildKit session ({(int)response.StatusCode}): {body.Trim()}");
        }

        var connection = await response.Content.ReadAsStreamAsync(cancellationToken);
        return new BuildSession(id, response, connection, methods);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await connection.DisposeAsync();
        try
        {
            await serving;
        }
        catch (Exception)
        {
            // The connection was closed under the server: that is how a session ends.
        }

        response.Dispose();
        stop.Dispose();
    }

    // GetSecretRequest { string ID = 1; map<string,string> annotations = 2; } -> GetSecretResponse { bytes data = 1; }
    private static GrpcReply GetSecret(byte[] request, IReadOnlyDictionary<string, byte[]> secrets)
    {
        var id = "";
        var reader = new ProtoReader(request);
        while (reader.Next())
        {
            if (reader.Field == 1 && reader.WireType == 2)
            {
                id = reader.ReadString();
            }
            else
            {
                reader.Skip();
            }
        }

        return secrets.TryGetValue(id, out var data)
            ? GrpcReply.Ok(new ProtoWriter().Bytes(1, data).ToArray())
            : GrpcReply.Fail(5, $"secret {id} not found");
    }
}
