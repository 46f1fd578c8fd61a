using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Docker.DotNet.Handler.Abstractions;

namespace Composer.Engine.Connection;

/// <summary>
/// TLS the way the docker CLI sets it up from a certificate folder: key.pem/cert.pem as the client certificate, and
/// the engine's certificate checked against ca.pem alone (not the system roots). Needs the native HTTP transport,
/// whose handler is a <see cref="SocketsHttpHandler"/>.
/// </summary>
internal sealed class TlsAuthProvider : IAuthProvider
{
    private readonly X509Certificate2? _clientCertificate;
    private readonly X509Certificate2Collection _authorities = [];
    private readonly bool _verifyServer;

    public TlsAuthProvider(string directory, bool verifyServer)
    {
        _verifyServer = verifyServer;
        var ca = Path.Combine(directory, "ca.pem");
        var cert = Path.Combine(directory, "cert.pem");
        var key = Path.Combine(directory, "key.pem");
        try
        {
            if (File.Exists(cert) && File.Exists(key))
            {
                _clientCertificate = X509Certificate2.CreateFromPemFile(cert, key);
            }

            if (verifyServer)
            {
                if (!File.Exists(ca))
                {
                    throw new EngineConnectionException($"TLS verification needs {ca}: set DOCKER_CERT_PATH to the folder with ca.pem, cert.pem and key.pem");
                }

                _authorities.ImportFromPemFile(ca);
            }
        }
        catch (CryptographicException exception)
        {
            throw new EngineConnectionException($"cannot read the TLS certificates in {directory}: {exception.Message}", exception);
        }
    }

    public bool TlsEnabled => true;

    public HttpMessageHandler ConfigureHandler(HttpMessageHandler handler)
    {
        if (handler is not SocketsHttpHandler sockets)
        {
            throw new EngineConnectionException($"TLS needs the native HTTP transport, got {handler.GetType().Name}");
        }

        if (_clientCertificate is not null)
        {
            sockets.SslOptions.ClientCertificates = [_clientCertificate];
        }

        sockets.SslOptions.RemoteCertificateValidationCallback = ValidateServer;
        return sockets;
    }

    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (!_verifyServer)
        {
            return true;
        }

        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_authorities);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var server = new X509Certificate2(certificate);
        return custom.Build(server);
    }
}
