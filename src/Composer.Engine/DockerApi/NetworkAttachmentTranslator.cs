// Docker.DotNet models declare their strings non-nullable, yet the engine API reads null as "not set".
#pragma warning disable CS8601, CS8625

using Composer.Engine.Contracts;
using Composer.Model;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>networks and network_mode of a service to engine endpoint settings.</summary>
internal static class NetworkAttachmentTranslator
{
    public static (NetworkingConfig? Networking, IReadOnlyList<KeyValuePair<string, EndpointSettings>> Extra) Translate(ContainerRequest request)
    {
        var service = request.Service;
        if (service.NetworkMode is not null)
        {
            return (null, []);
        }

        IEnumerable<KeyValuePair<string, ServiceNetwork?>> attachments = service.Networks.Count == 0
            ? [new KeyValuePair<string, ServiceNetwork?>("default", null)]
            : service.Networks;
        var links = LinkTranslator.Links(request);
        var ordered = attachments
            .OrderByDescending(pair => pair.Value?.Priority ?? 0)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => new KeyValuePair<string, EndpointSettings>(
                request.Project.Networks.TryGetValue(pair.Key, out var network) ? network.Name : pair.Key,
                Endpoint(service, pair.Value, links)))
            .ToList();
        var networking = new NetworkingConfig
        {
            EndpointsConfig = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal) { [ordered[0].Key] = ordered[0].Value },
        };
        return (networking, ordered.Skip(1).ToList());
    }

    public static string? NetworkMode(ContainerRequest request, NetworkingConfig? networking)
    {
        var mode = request.Service.NetworkMode;
        if (mode is null)
        {
            return networking?.EndpointsConfig.Keys.First();
        }

        return mode.ToEngine(SharedContainers.For(request, mode.ServiceName, "network_mode"));
    }

    // On user networks links are per endpoint: the engine adds the alias to the linked container's DNS answers there.
    private static EndpointSettings Endpoint(Service service, ServiceNetwork? attachment, List<string> links)
    {
        var aliases = new List<string> { service.Name };
        if (attachment is not null)
        {
            aliases.AddRange(attachment.Aliases.Where(alias => alias != service.Name));
        }

        var endpoint = new EndpointSettings { Aliases = aliases, DriverOpts = attachment?.DriverOpts.ToDictionary(), Links = links.Count == 0 ? null : [.. links] };
        if (attachment is not null && (attachment.Ipv4Address is not null || attachment.Ipv6Address is not null || attachment.LinkLocalIps.Count > 0))
        {
            endpoint.IPAMConfig = new EndpointIPAMConfig
            {
                IPv4Address = attachment.Ipv4Address,
                IPv6Address = attachment.Ipv6Address,
                LinkLocalIPs = [.. attachment.LinkLocalIps],
            };
        }

        if (attachment?.MacAddress is not null)
        {
            endpoint.MacAddress = attachment.MacAddress;
        }

        return endpoint;
    }
}
