using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace Composer.EndToEnd.Tests.Support;

/// <summary>
/// A TCP listener on 127.0.0.1 that forwards every connection to the local engine socket, optionally terminating
/// TLS with a required, verified client certificate: the engine reached over tcp:// without exposing dockerd.
/// </summary>
internal sealed class DockerSocketProxy : IAsyncDisposable
{
    private const string EngineSocket = "/var/run/docker.sock";
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly TestCertificates? tls;
    private readonly Task accepting;
    private int connections;
    private int rejected;

    public DockerSocketProxy(TestCertificates? tls = null)
    {
        this.tls = tls;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections forwarded to the engine (after the TLS handshake, when there is one).</summary>
    public int Connections => Volatile.Read(ref connections);

    /// <summary>TLS handshakes refused, e.g. for a missing or foreign client certificate.</summary>
    public int Rejected => Volatile.Read(ref rejected);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            _ = Task.Run(() => ForwardAsync(client));
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        using (client)
        {
            Stream downstream = client.GetStream();
            if (tls is not null)
            {
                var ssl = new SslStream(downstream, leaveInnerStreamOpen: false, (_, certificate, _, _) => certificate is not null && tls.IssuedHere(certificate));
                try
                {
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions
                    {
                        ServerCertificate = tls.Server,
                        ClientCertificateRequired = true,
                        EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    }, stopping.Token);
                }
                catch (Exception exception) when (exception is AuthenticationException or IOException or OperationCanceledException)
                {
                    Interlocked.Increment(ref rejected);
                    await ssl.DisposeAsync();
                    return;
                }

                downstream = ssl;
            }

            Interlocked.Increment(ref connections);
            using var engine = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await engine.ConnectAsync(new UnixDomainSocketEndPoint(EngineSocket), stopping.Token);
            await using var upstream = new NetworkStream(engine, ownsSocket: false);
            await using (downstream)
            {
                // Either side closing ends the forwarding; the other copy is then cut off by the dispose.
                await Task.WhenAny(CopyAsync(downstream, upstream), CopyAsync(upstream, downstream));
            }
        }
    }

    private async Task CopyAsync(Stream from, Stream to)
    {
        try
        {
            await from.CopyToAsync(to, stopping.Token);
            await to.FlushAsync(stopping.Token);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The connection ended on one side.
        }
    }
}
