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
        Docker = new DockerClientBuilder().Build();
    }

    internal IEngine Engine { get; }

    internal DockerClient Docker { get; }

    internal OrchestrationContext Context(RecordingProgressSink sink) => new(Engine, sink) { ParallelLimit = 4 };

    public void Dispose()
    {
        Engine.Dispose();
        Docker.Dispose();
    }
}
