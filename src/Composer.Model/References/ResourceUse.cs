namespace Composer.Model;

/// <summary>
/// Which top-level networks and volumes services use. docker compose creates only those (compose-go's
/// WithoutUnnecessaryResources) unless <c>--all-resources</c> is given, so a declared network no service joins is
/// never made.
/// </summary>
public static class ResourceUse
{
    /// <summary>The network keys a service joins: its <c>networks</c>, else <c>default</c> unless it has a network_mode.</summary>
    public static IEnumerable<string> NetworkKeys(Service service) =>
        service.NetworkMode is null && service.Networks.Count == 0 ? ["default"] : service.Networks.Keys;

    /// <summary>The top-level volume keys a service mounts (named volumes only).</summary>
    public static IEnumerable<string> VolumeKeys(Service service) =>
        service.Volumes.Where(mount => mount.Type == "volume" && mount.Source is not null).Select(mount => mount.Source!);

    public static IReadOnlySet<string> Networks(IEnumerable<Service> services) =>
        services.SelectMany(NetworkKeys).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlySet<string> Volumes(IEnumerable<Service> services) =>
        services.SelectMany(VolumeKeys).ToHashSet(StringComparer.Ordinal);
}
