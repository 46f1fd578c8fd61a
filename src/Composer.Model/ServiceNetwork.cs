namespace Composer.Model;

/// <summary>How a service attaches to one network (the long form of <c>services.*.networks</c>).</summary>
public sealed record ServiceNetwork
{
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? Ipv4Address { get; init; }
    public string? Ipv6Address { get; init; }
    public IReadOnlyList<string> LinkLocalIps { get; init; } = [];
    public string? MacAddress { get; init; }
    public int? Priority { get; init; }
    public int? GwPriority { get; init; }
    public string? InterfaceName { get; init; }
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
