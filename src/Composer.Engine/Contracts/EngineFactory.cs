using Composer.Engine.Connection;
using Composer.Engine.DockerApi;
using Composer.Engine.Resilience;
using Docker.DotNet;
using Docker.DotNet.NativeHttp;

namespace Composer.Engine.Contracts;

public static class EngineFactory
{
    /// <summary>A client for the engine; nothing is sent until the first call (use PingAsync to check early).</summary>
    public static IEngine Create(EngineOptions options)
    {
        var endpoint = options.Endpoint is { } explicitEndpoint
            ? new EngineEndpoint(explicitEndpoint, "the given endpoint")
            : EngineEndpointResolver.Resolve(options.Environment);
        var builder = new DockerClientBuilder().WithEndpoint(endpoint.Host);
        if (endpoint.TlsDirectory is { } tlsDirectory)
        {
            builder = builder.WithTransportOptions(new NativeHttpTransportOptions())
                .WithAuthProvider(new TlsAuthProvider(tlsDirectory, endpoint.VerifyServer));
        }

        DockerClient client;
        try
        {
            client = builder.Build();
        }
        catch (DockerConfigurationException exception)
        {
            throw new EngineException($"cannot configure the Docker client for {endpoint.Host} ({endpoint.Source}): {exception.Message}", exception);
        }

        return new DockerEngine(client, EnginePolicies.Create(options.Retry, options.TimeProvider, options.OnRetry), endpoint, options.Environment);
    }
}
