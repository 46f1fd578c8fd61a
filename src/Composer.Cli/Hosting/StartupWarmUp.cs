using Composer.Model;

namespace Composer.Cli.Hosting;

/// <summary>
/// Work a short command would otherwise do on its critical path, started early on the other core: the first config
/// hash initialises the JSON contract of the model and loads OpenSSL for SHA-256 (together ~0.1 s of a no-op up).
/// </summary>
internal static class StartupWarmUp
{
    public static void HashConfig()
    {
        try
        {
            _ = Planning.Hashing.ConfigHash.Compute(new Service { Name = "warm-up" });
        }
        catch (Exception)
        {
            // Only a warm-up: the real hash reports its own failures.
        }
    }
}
