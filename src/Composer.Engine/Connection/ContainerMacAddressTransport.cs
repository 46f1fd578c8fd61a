using Composer.Engine.Contracts;
using Docker.DotNet.Handler.Abstractions;
using Microsoft.Extensions.Logging;

namespace Composer.Engine.Connection;

/// <summary>
/// The transport of a Docker client that only creates containers with a container-wide MAC address (engines before
/// API 1.44): the engine's endpoint as <see cref="EngineHttp"/> reaches it, behind <see cref="ContainerMacAddressHandler"/>.
/// The options are the MAC address. Nothing is attached or streamed through it, so it never hijacks a connection.
/// </summary>
internal sealed class ContainerMacAddressTransport(EngineEndpoint endpoint) : IDockerHandlerFactory<string>
{
    public ResolvedTransport CreateHandler(string macAddress, ResolvedClientOptions options, ILogger logger)
    {
        var connection = EngineHttp.CreateHandler(endpoint)
            ?? throw new EngineException($"mac_address on an engine before API 1.44 needs a unix or tcp endpoint, not {endpoint.Host}");
        return new ResolvedTransport(new ContainerMacAddressHandler(macAddress, connection.Handler), connection.BaseAddress);
    }

    public ResolvedTransport CreateHandler(ResolvedClientOptions options, ILogger logger) =>
        throw new NotSupportedException("the MAC address transport needs the MAC address as its options");

    public Task<WriteClosableStream> HijackStreamAsync(HttpContent content) =>
        throw new NotSupportedException("the MAC address transport only creates containers");
}
