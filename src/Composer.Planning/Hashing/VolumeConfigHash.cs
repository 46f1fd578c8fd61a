using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// Fingerprint of a volume's definition (name, driver, driver_opts, labels) from its canonical form, written to the
/// volume's config-hash label at creation; <c>x-*</c> keys are left out.
/// </summary>
public static class VolumeConfigHash
{
    public static string Compute(Volume volume) =>
        Fingerprint.Of(CanonicalJson.Write(CanonicalProject.Volume(volume).Without("external")));
}
