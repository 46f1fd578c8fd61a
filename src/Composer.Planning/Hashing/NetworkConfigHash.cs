using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// Fingerprint of a network's settings (name, driver, options, ipam, flags, labels), written to the network's
/// config-hash label at creation. Extension fields are left out: they never reach the engine, so changing them
/// must not tear the network down.
/// </summary>
public static class NetworkConfigHash
{
    public static string Compute(Network network) =>
        ConfigHash.Fingerprint(network with { External = false, Extensions = Extensions.Empty });
}
