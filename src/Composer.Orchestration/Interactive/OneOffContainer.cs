using System.Security.Cryptography;
using Composer.Model;

namespace Composer.Orchestration.Interactive;

/// <summary>The service as <c>run</c> creates it: the options applied over the service's own configuration.</summary>
internal static class OneOffContainer
{
    public static string DefaultName(Project project, string service) =>
        ComposeNames.OneOff(project, service, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));

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
            Ports = [.. options.ServicePorts ? service.Ports : [], .. options.PublishAll ? PublishAll(service) : [], .. options.Publish],
            CapAdd = [.. service.CapAdd, .. options.CapAdd.Except(service.CapAdd, StringComparer.Ordinal)],
            CapDrop = [.. service.CapDrop, .. options.CapDrop.Except(service.CapDrop, StringComparer.Ordinal)],
            Labels = Merge(service.Labels, options.Labels),
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

    // -P: the service's ports and its `expose` list, each on a host port the engine picks.
    private static IEnumerable<ServicePort> PublishAll(Service service) =>
        service.Ports.Select(port => port with { Published = null, HostIp = null })
            .Concat(service.Expose.Select(ExposedPort).OfType<ServicePort>())
            .DistinctBy(port => (port.Target, port.Protocol));

    private static ServicePort? ExposedPort(string expose)
    {
        var parts = expose.Split('/', 2);
        return int.TryParse(parts[0], System.Globalization.CultureInfo.InvariantCulture, out var target)
            ? new ServicePort { Target = target, Protocol = parts.Length > 1 ? parts[1] : "tcp" }
            : null;
    }

    private static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string> own, IReadOnlyDictionary<string, string> added)
    {
        var merged = new SortedDictionary<string, string>(own.ToDictionary(), StringComparer.Ordinal);
        foreach (var (key, value) in added)
        {
            merged[key] = value;
        }

        return merged;
    }
}
