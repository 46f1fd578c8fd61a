namespace Composer.Model.Swarm;

/// <summary>A volume, bind or tmpfs mount of a task; named volumes are &lt;stack&gt;_&lt;key&gt; on each node.</summary>
public sealed record SwarmMount
{
    /// <summary>volume, bind or tmpfs.</summary>
    public required string Type { get; init; }
    public string? Source { get; init; }
    public required string Target { get; init; }
    public bool ReadOnly { get; init; }
    public bool? NoCopy { get; init; }
    public string? VolumeDriver { get; init; }
    public IReadOnlyDictionary<string, string> VolumeDriverOptions { get; init; } = SwarmMaps.Empty<string>();
    public IReadOnlyDictionary<string, string> VolumeLabels { get; init; } = SwarmMaps.Empty<string>();
    public string? Propagation { get; init; }
    public long? TmpfsSize { get; init; }
    public int? TmpfsMode { get; init; }
}
