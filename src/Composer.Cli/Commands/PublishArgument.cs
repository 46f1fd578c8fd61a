using System.Globalization;
using Composer.Model;

namespace Composer.Cli.Commands;

/// <summary>run's <c>-p [[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]</c>.</summary>
internal static class PublishArgument
{
    public static ServicePort Parse(string text)
    {
        var spec = text;
        var protocol = "tcp";
        var slash = spec.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = spec[(slash + 1)..];
            spec = spec[..slash];
        }

        var parts = spec.Split(':');
        if (parts.Length > 3 || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var target)
            || target is < 1 or > 65535 || protocol is not ("tcp" or "udp" or "sctp"))
        {
            throw new UsageException($"-p {text}: expected [[HOST_IP:]HOST_PORT:]CONTAINER_PORT[/PROTOCOL]");
        }

        return new ServicePort
        {
            Target = target,
            Published = parts.Length >= 2 && parts[^2].Length > 0 ? parts[^2] : null,
            HostIp = parts.Length == 3 && parts[0].Length > 0 ? parts[0] : null,
            Protocol = protocol,
        };
    }
}
