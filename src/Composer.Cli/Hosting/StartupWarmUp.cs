using Composer.Model;

namespace Composer.Cli.Hosting;

/// <summary>
/// Work a short command would otherwise do on its critical path, started early on the other core: the first config
/// hash loads OpenSSL for SHA-256 and the JSON writer.
/// </summary>
internal static class StartupWarmUp
{
    public static void HashConfig()
    {
        try
        {
            var service = new Service { Name = "warm-up" };
            _ = Planning.Hashing.ConfigHash.Compute(new Project { Name = "warm-up", WorkingDirectory = "/" }, service);
        }
        catch (Exception)
        {
            // Only a warm-up: the real hash reports its own failures.
        }
    }
}
