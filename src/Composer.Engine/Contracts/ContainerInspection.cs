namespace Composer.Engine.Contracts;

/// <summary>What readiness checks need from an inspect.</summary>
public sealed record ContainerInspection
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public string State { get; init; } = "";
    public bool Running { get; init; }
    public long ExitCode { get; init; }
    public string? Health { get; init; }

    /// <summary>Output of the most recent healthcheck run, trimmed.</summary>
    public string? LastHealthOutput { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Network name to the container's DNS aliases on it.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Networks { get; init; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
}
