namespace Composer.Engine.Connection;

/// <summary>Where the engine is and, for TLS, the folder holding ca.pem, cert.pem and key.pem.</summary>
/// <param name="Source">What chose it, for messages: DOCKER_HOST, "context NAME" or the default socket.</param>
public sealed record EngineEndpoint(Uri Host, string Source, string? TlsDirectory = null, bool VerifyServer = true)
{
    public static readonly Uri DefaultSocket = new("unix:///var/run/docker.sock");
}
