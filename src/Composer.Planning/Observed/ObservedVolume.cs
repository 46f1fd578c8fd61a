using Composer.Model;

namespace Composer.Planning.Observed;

/// <summary>A volume the engine has; <see cref="Key"/> is the compose key from its label, if any.</summary>
public sealed record ObservedVolume(string Name, string? Key)
{
    public string Driver { get; init; } = "local";

    /// <summary>The driver options it was created with.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>docker compose's definition hash it was created with; null for volumes made without one (older Composer, by hand).</summary>
    public string? ConfigHash => Labels.GetValueOrDefault(ComposeLabels.ConfigHash);
}
