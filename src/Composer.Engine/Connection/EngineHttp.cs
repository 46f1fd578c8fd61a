using System.Net.Sockets;

namespace Composer.Engine.Connection;

/// <summary>
/// A plain HttpClient on the same endpoint (unix socket, tcp, tcp+TLS with the same certificates) as the Docker
/// client, for the requests Docker.DotNet cannot make: a BuildKit build (<c>version=2</c>) and the session upgrade.
/// </summary>
internal static class EngineHttp
{
    /// <summary>Null for endpoints this cannot reach (a Windows named pipe): those build with the classic builder.</summary>
    public static HttpClient? Create(EngineEndpoint endpoint)
    {
        // A build runs as long as it runs: the caller's token ends it, not a client timeout.
        return CreateHandler(endpoint) is var (handler, baseAddress)
            ? new HttpClient(handler) { BaseAddress = baseAddress, Timeout = Timeout.InfiniteTimeSpan }
            : null;
    }

    /// <summary>The connection to the endpoint and the base address requests go to; null for a Windows named pipe.</summary>
    public static (SocketsHttpHandler Handler, Uri BaseAddress)? CreateHandler(EngineEndpoint endpoint)
    {
        var handler = new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(30) };
        Uri baseAddress;
        switch (endpoint.Host.Scheme)
        {
            case "unix":
                var socketPath = endpoint.Host.LocalPath;
                handler.ConnectCallback = async (_, token) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), token);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                };
                baseAddress = new Uri("http://docker/");
                break;
            case "tcp" or "http" or "https":
                var scheme = endpoint.TlsDirectory is not null || endpoint.Host.Scheme == "https" ? "https" : "http";
                baseAddress = new UriBuilder(scheme, endpoint.Host.Host, endpoint.Host.Port > 0 ? endpoint.Host.Port : 2375).Uri;
                break;
            default:
                handler.Dispose();
                return null;
        }

        if (endpoint.TlsDirectory is { } tlsDirectory)
        {
            new TlsAuthProvider(tlsDirectory, endpoint.VerifyServer).ConfigureHandler(handler);
        }

        return (handler, baseAddress);
    }
}
