namespace Composer.Model;

public sealed record Network
{
    /// <summary>Engine-side name: <c>name:</c> if given, else &lt;project&gt;_&lt;key&gt; (external: the key).</summary>
    public required string Name { get; init; }
    public string? Driver { get; init; }
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public bool External { get; init; }
    public bool? Internal { get; init; }
    public bool? Attachable { get; init; }
    public bool? EnableIpv4 { get; init; }
    public bool? EnableIpv6 { get; init; }
    public Ipam? Ipam { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public Extensions Extensions { get; init; } = Extensions.Empty;
}

public sealed record Ipam
{
    public string? Driver { get; init; }
    public IReadOnlyList<IpamPool> Config { get; init; } = [];
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}

public sealed record IpamPool
{
    public string? Subnet { get; init; }
    public string? IpRange { get; init; }
    public string? Gateway { get; init; }
    public IReadOnlyDictionary<string, string> AuxAddresses { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
