// Docker.DotNet models declare their strings non-nullable, yet the engine API reads null as "not set".
#pragma warning disable CS8601, CS8625

using Composer.Engine.Contracts;
using Composer.Engine.Validation;
using Composer.Model;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>networks and network_mode of a service to engine endpoint settings.</summary>
internal static class NetworkAttachmentTranslator
{
    public static (NetworkingConfig? Networking, IReadOnlyList<KeyValuePair<string, EndpointSettings>> Extra) Translate(ContainerRequest request, EngineApiVersion apiVersion)
    {
        var service = request.Service;
        if (service.NetworkMode is not null)
        {
            return (null, []);
        }

        var links = LinkTranslator.Links(request);
        // MAC addresses go on the endpoints from API 1.44; before it, on the container (ContainerMacAddress).
        var endpointMac = apiVersion >= EngineFeatures.EndpointMacAddress;
        var ordered = NetworkOrder.Ordered(service)
            .Select((pair, index) => new KeyValuePair<string, EndpointSettings>(
                request.Project.Networks.TryGetValue(pair.Key, out var network) ? network.Name : pair.Key,
                Endpoint(service, request.ServiceAliases ? pair.Value : null, links, request.ServiceAliases, endpointMac ? pair.Value?.MacAddress ?? (index == 0 ? service.MacAddress : null) : null)))
            .ToList();
        var networking = new NetworkingConfig
        {
            EndpointsConfig = new Dictionary<string, EndpointSettings>(StringComparer.Ordinal) { [ordered[0].Key] = ordered[0].Value },
        };
        return (networking, ordered.Skip(1).ToList());
    }

    /// <summary>
    /// Before API 1.44 the engine takes one MAC address per container and gives it to the endpoint the container is
    /// created on: the first network's mac_address, else the service's (the version check refuses a MAC address on
    /// any later network there). Null from API 1.44, where each endpoint carries its own.
    /// </summary>
    public static string? ContainerMacAddress(Service service, EngineApiVersion apiVersion)
    {
        if (apiVersion >= EngineFeatures.EndpointMacAddress)
        {
            return null;
        }

        var first = service.NetworkMode is null ? NetworkOrder.Ordered(service)[0].Value : null;
        return first?.MacAddress ?? service.MacAddress;
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
    private static EndpointSettings Endpoint(Service service, ServiceNetwork? attachment, List<string> links, bool serviceAliases, string? macAddress)
    {
        var aliases = serviceAliases ? new List<string> { service.Name } : [];
        if (attachment is not null)
        {
            aliases.AddRange(attachment.Aliases.Where(alias => alias != service.Name));
        }

        var driverOptions = attachment?.DriverOpts.ToDictionary(StringComparer.Ordinal);
        if (attachment?.InterfaceName is { } interfaceName)
        {
            // The engine takes interface_name as this endpoint option (API 1.49, checked before create).
            driverOptions!.TryAdd("com.docker.network.endpoint.ifname", interfaceName);
        }

        var endpoint = new EndpointSettings
        {
            Aliases = aliases,
            DriverOpts = driverOptions,
            Links = links.Count == 0 ? null : [.. links],
            GwPriority = attachment?.GwPriority ?? 0,
        };
        if (attachment is not null && (attachment.Ipv4Address is not null || attachment.Ipv6Address is not null || attachment.LinkLocalIps.Count > 0))
        {
            endpoint.IPAMConfig = new EndpointIPAMConfig
            {
                IPv4Address = attachment.Ipv4Address,
                IPv6Address = attachment.Ipv6Address,
                LinkLocalIPs = [.. attachment.LinkLocalIps],
            };
        }

        if (macAddress is not null)
        {
            endpoint.MacAddress = macAddress;
        }

        return endpoint;
    }
}
