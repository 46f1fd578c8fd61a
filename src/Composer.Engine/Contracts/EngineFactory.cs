using Composer.Engine.DockerApi;
using Composer.Engine.Resilience;
using Docker.DotNet;

namespace Composer.Engine.Contracts;

public static class EngineFactory
{
    /// <summary>A client for the engine; nothing is sent until the first call (use PingAsync to check early).</summary>
    public static IEngine Create(EngineOptions options)
    {
        var builder = new DockerClientBuilder();
        if (options.Endpoint is { } endpoint)
        {
            builder = builder.WithEndpoint(endpoint);
        }

        DockerClient client;
        try
        {
            client = builder.Build();
        }
        catch (DockerConfigurationException exception)
        {
            throw new EngineException($"cannot configure the Docker client: {exception.Message}", exception);
        }

        var pipeline = EnginePipeline.Create(options.Retry, options.TimeProvider, options.OnRetry);
        return new DockerEngine(client, pipeline);
    }
}
