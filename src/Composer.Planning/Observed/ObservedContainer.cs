using Composer.Model;

namespace Composer.Planning.Observed;

/// <summary>A container the engine reports for the project, reduced to what planning needs.</summary>
public sealed record ObservedContainer
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Engine names of the networks the container joins.</summary>
    public IReadOnlyList<string> Networks { get; init; } = [];

    /// <summary>Engine state: created, running, paused, restarting, removing, exited, dead.</summary>
    public string State { get; init; } = "running";

    /// <summary>starting, healthy, unhealthy, or null without a healthcheck.</summary>
    public string? Health { get; init; }

    public string? Service => Labels.GetValueOrDefault(ComposeLabels.Service);

    public int Number => int.TryParse(Labels.GetValueOrDefault(ComposeLabels.ContainerNumber), out var number) ? number : 0;

    public string? ConfigHash => Labels.GetValueOrDefault(ComposeLabels.ConfigHash);

    public bool IsOneOff => string.Equals(Labels.GetValueOrDefault(ComposeLabels.OneOff), "True", StringComparison.OrdinalIgnoreCase);

    public bool IsRunning => State is "running" or "restarting" or "paused";
}
