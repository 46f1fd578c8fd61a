namespace Composer.Model.Swarm;

/// <summary>A swarm-scoped network of a stack (overlay unless the file names another driver).</summary>
public sealed record SwarmNetworkSpec
{
    public required string Name { get; init; }
    public string Driver { get; init; } = "overlay";
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = SwarmMaps.Empty<string>();
    public IReadOnlyDictionary<string, string> Labels { get; init; } = SwarmMaps.Empty<string>();
    public bool Internal { get; init; }
    public bool Attachable { get; init; }
    public string? IpamDriver { get; init; }
    public IReadOnlyList<string> Subnets { get; init; } = [];
}
