using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// Fingerprint of a network's settings (name, driver, options, ipam, flags, labels) from its canonical form, written
/// to the network's config-hash label at creation. <c>x-*</c> keys are left out: they never reach the engine, so
/// changing them must not tear the network down.
/// </summary>
public static class NetworkConfigHash
{
    public static string Compute(Network network) =>
        Fingerprint.Of(CanonicalJson.Write(CanonicalProject.Network(network).Without("external")));
}
