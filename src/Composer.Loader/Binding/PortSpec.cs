using System.Globalization;
using System.Net;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// The short syntax of <c>ports</c>: <c>[HOST_IP:][HOST_PORT[-END]:]CONTAINER_PORT[-END][/PROTOCOL]</c>. An IPv6 host
/// address may be written in brackets. Equal-sized ranges pair port by port; a host range with one container port stays
/// a range that the engine picks from.
/// </summary>
internal static class PortSpec
{
    public static bool TryParse(string spec, out IReadOnlyList<ServicePort> ports, out string error)
    {
        ports = [];
        error = string.Empty;
        var text = spec.Trim();
        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            text = text[..slash];
            if (protocol.Length == 0)
            {
                error = $"invalid port \"{spec}\": empty protocol";
                return false;
            }
        }

        if (!TrySplit(text, out var hostIp, out var hostPart, out var containerPart))
        {
            error = $"invalid port \"{spec}\": unbalanced brackets around the host address";
            return false;
        }

        if (hostIp is not null && !IPAddress.TryParse(hostIp, out _))
        {
            error = $"invalid port \"{spec}\": \"{hostIp}\" is not an IP address";
            return false;
        }

        if (!TryParseRange(containerPart, out var containerStart, out var containerEnd))
        {
            error = $"invalid port \"{spec}\": \"{containerPart}\" is not a port or port range";
            return false;
        }

        int hostStart = 0, hostEnd = 0;
        var hasHost = hostPart.Length > 0;
        if (hasHost && !TryParseRange(hostPart, out hostStart, out hostEnd))
        {
            error = $"invalid port \"{spec}\": \"{hostPart}\" is not a port or port range";
            return false;
        }

        var containerCount = containerEnd - containerStart;
        var hostCount = hostEnd - hostStart;
        if (hasHost && containerCount != hostCount && containerCount != 0)
        {
            error = $"invalid port \"{spec}\": the host range and the container range differ in size";
            return false;
        }

        var result = new List<ServicePort>(containerCount + 1);
        for (var offset = 0; offset <= containerCount; offset++)
        {
            string? published = null;
            if (hasHost)
            {
                published = containerCount == 0 && hostCount > 0
                    ? Number(hostStart) + "-" + Number(hostEnd)
                    : Number(hostStart + offset);
            }

            result.Add(new ServicePort
            {
                Target = containerStart + offset,
                Published = published,
                HostIp = string.IsNullOrEmpty(hostIp) ? null : hostIp,
                Protocol = protocol,
            });
        }

        ports = result;
        return true;
    }

    /// <summary>Accepts "8080" or "8000-8010" as published ports of the long syntax.</summary>
    public static bool IsValidPublished(string text) => TryParseRange(text, out _, out _);

    private static bool TrySplit(string text, out string? hostIp, out string hostPart, out string containerPart)
    {
        hostIp = null;
        hostPart = string.Empty;
        containerPart = text;
        if (text.StartsWith('['))
        {
            var closing = text.IndexOf(']', StringComparison.Ordinal);
            if (closing < 0 || closing + 1 >= text.Length || text[closing + 1] != ':')
            {
                return false;
            }

            hostIp = text[1..closing];
            var rest = text[(closing + 2)..];
            var colon = rest.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                containerPart = rest;
                return true;
            }

            hostPart = rest[..colon];
            containerPart = rest[(colon + 1)..];
            return true;
        }

        var parts = text.Split(':');
        var count = parts.Length;
        containerPart = parts[count - 1];
        if (count >= 2)
        {
            hostPart = parts[count - 2];
        }

        if (count >= 3)
        {
            // An unbracketed IPv6 address keeps its colons: only the last two fields are ports.
            hostIp = string.Join(':', parts[..(count - 2)]);
        }

        return true;
    }

    private static bool TryParseRange(string text, out int start, out int end)
    {
        start = end = 0;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var first = dash < 0 ? text : text[..dash];
        var last = dash < 0 ? text : text[(dash + 1)..];
        if (!TryParsePort(first, out start) || !TryParsePort(last, out end))
        {
            return false;
        }

        return end >= start;
    }

    private static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port <= 65535;

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
