namespace Composer.Model;

/// <summary><c>blkio_config</c>: block I/O weight and per-device limits (rates in bytes or operations per second).</summary>
public sealed record BlkioConfig
{
    public int? Weight { get; init; }
    public IReadOnlyList<BlkioDevice> WeightDevice { get; init; } = [];
    public IReadOnlyList<BlkioDevice> DeviceReadBps { get; init; } = [];
    public IReadOnlyList<BlkioDevice> DeviceWriteBps { get; init; } = [];
    public IReadOnlyList<BlkioDevice> DeviceReadIops { get; init; } = [];
    public IReadOnlyList<BlkioDevice> DeviceWriteIops { get; init; } = [];
}

/// <summary>A device path and its weight or rate.</summary>
public sealed record BlkioDevice(string Path, long Value);
