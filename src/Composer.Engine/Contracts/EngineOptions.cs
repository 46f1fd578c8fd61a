using Composer.Engine.Resilience;

namespace Composer.Engine.Contracts;

public sealed record EngineOptions
{
    /// <summary>Null resolves like the docker CLI: DOCKER_HOST, then the current context, then the local socket.</summary>
    public Uri? Endpoint { get; init; }
    /// <summary>Where DOCKER_HOST, DOCKER_CONTEXT and the like are read from when <see cref="Endpoint"/> is null.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

    public RetrySettings Retry { get; init; } = new();

    /// <summary>Told about every retry, e.g. to show "engine busy, retrying" in progress output.</summary>
    public Action<RetryNotice>? OnRetry { get; init; }
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
