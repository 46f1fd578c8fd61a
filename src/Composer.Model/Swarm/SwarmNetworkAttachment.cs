namespace Composer.Model.Swarm;

/// <summary>A service's attachment to an overlay network, with the service key among its aliases.</summary>
public sealed record SwarmNetworkAttachment
{
    public required string Target { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = SwarmMaps.Empty<string>();
}
