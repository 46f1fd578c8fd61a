using Composer.Model;

namespace Composer.Planning.Observed;

/// <summary>A network the engine has; <see cref="Key"/> is the compose key from its label, if any.</summary>
public sealed record ObservedNetwork(string Id, string Name, string? Key)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The settings fingerprint it was created with; null for networks made by other tools or older versions.</summary>
    public string? ConfigHash => Labels.GetValueOrDefault(ComposeLabels.ConfigHash);
}
