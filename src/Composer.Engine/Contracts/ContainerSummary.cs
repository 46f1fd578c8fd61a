namespace Composer.Engine.Contracts;

/// <summary>A container as listed by the engine.</summary>
public sealed record ContainerSummary
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string Image { get; init; } = "";
    public string Command { get; init; } = "";
    public DateTimeOffset Created { get; init; }

    /// <summary>created, running, paused, restarting, removing, exited or dead.</summary>
    public string State { get; init; } = "";

    /// <summary>The engine's human status, e.g. "Up 3 minutes (healthy)".</summary>
    public string Status { get; init; } = "";

    /// <summary>starting, healthy, unhealthy, or null without a healthcheck.</summary>
    public string? Health { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public IReadOnlyList<PublishedPort> Ports { get; init; } = [];

    /// <summary>Names of the networks the container is configured to join (also listed while it is stopped).</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];
}
