using Composer.Engine.Contracts;
using Composer.Orchestration;
using Docker.DotNet;

namespace Composer.Engine.Tests.Support;

/// <summary>One engine connection for the integration tests, plus a raw client to check engine state independently.</summary>
public sealed class EngineFixture : IDisposable
{
    public EngineFixture()
    {
        Engine = EngineFactory.Create(new EngineOptions());
        ClassicEngine = EngineFactory.Create(new EngineOptions
        {
            Environment = name => name == "DOCKER_BUILDKIT" ? "0" : System.Environment.GetEnvironmentVariable(name),
        });
        Docker = new DockerClientBuilder().Build();
    }

    internal IEngine Engine { get; }

    /// <summary>The same engine with DOCKER_BUILDKIT=0: builds go through the classic builder.</summary>
    internal IEngine ClassicEngine { get; }

    internal DockerClient Docker { get; }

    internal OrchestrationContext Context(RecordingProgressSink sink) => new(Engine, sink) { ParallelLimit = 4 };

    /// <summary>A context on BuildKit (the default) or, with <paramref name="classic"/>, on the classic builder.</summary>
    internal OrchestrationContext Context(RecordingProgressSink sink, bool classic) => new(classic ? ClassicEngine : Engine, sink) { ParallelLimit = 4 };

    public void Dispose()
    {
        Engine.Dispose();
        ClassicEngine.Dispose();
        Docker.Dispose();
    }
}
