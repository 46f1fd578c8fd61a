using Composer.Model;

namespace Composer.Cli.Commands;

internal static class ServiceNames
{
    /// <summary>Fails with one line naming the first service the project does not define (or has disabled).</summary>
    public static void EnsureKnown(Project project, IEnumerable<string> serviceNames)
    {
        foreach (var name in serviceNames)
        {
            if (project.Services.ContainsKey(name))
            {
                continue;
            }

            if (project.DisabledServices.ContainsKey(name))
            {
                throw new UsageException($"service {name} is disabled: none of its profiles is active (enable one with --profile)");
            }

            throw new UsageException($"no such service: {name}");
        }
    }
}
