using System.Security.Cryptography;
using Composer.Model;

namespace Composer.Orchestration.Interactive;

/// <summary>The service as <c>run</c> creates it: the options applied over the service's own configuration.</summary>
internal static class OneOffContainer
{
    public static string DefaultName(string projectName, string service) =>
        ComposeNames.OneOff(projectName, service, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

    public static Service Apply(Service service, RunOptions options)
    {
        var environment = new Dictionary<string, string?>(service.Environment, StringComparer.Ordinal);
        foreach (var entry in options.Environment)
        {
            var equals = entry.IndexOf('=', StringComparison.Ordinal);
            environment[entry[..equals]] = entry[(equals + 1)..];
        }

        return service with
        {
            Command = options.Command is { Count: > 0 } command ? command : service.Command,
            Entrypoint = options.Entrypoint ?? service.Entrypoint,
            Environment = environment,
            Ports = [.. options.ServicePorts ? service.Ports : [], .. options.Publish],
            Volumes = [.. service.Volumes, .. options.Volumes],
            User = options.User ?? service.User,
            WorkingDir = options.WorkingDir ?? service.WorkingDir,
            Tty = options.Tty,
            StdinOpen = options.Interactive && !options.Detach,

            // One name per container, and no restart policy: a one-off that exits is done.
            ContainerName = null,
            Restart = null,
            Scale = null,
        };
    }
}
