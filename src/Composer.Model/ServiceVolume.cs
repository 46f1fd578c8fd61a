namespace Composer.Model;

public sealed record ServiceVolume
{
    /// <summary>bind, volume, tmpfs, image, npipe or cluster.</summary>
    public required string Type { get; init; }

    /// <summary>Volume key, absolute host path, or null for an anonymous volume or tmpfs.</summary>
    public string? Source { get; init; }
    public required string Target { get; init; }
    public bool ReadOnly { get; init; }
    public string? Consistency { get; init; }
    public BindOptions? Bind { get; init; }
    public VolumeOptions? Volume { get; init; }
    public TmpfsOptions? Tmpfs { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;
}

public sealed record BindOptions
{
    public string? Propagation { get; init; }
    public bool? CreateHostPath { get; init; }
    /// <summary>"z" or "Z".</summary>
    public string? Selinux { get; init; }
}

public sealed record VolumeOptions
{
    public bool? NoCopy { get; init; }
    public string? Subpath { get; init; }
}

public sealed record TmpfsOptions
{
    public long? Size { get; init; }
    public int? Mode { get; init; }
}
