using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Engine.Validation;

/// <summary>
/// Decides the features that depend on the engine's API version: each one the file uses and this engine lacks is
/// one line naming the service (or network), the feature, the version it needs and the version the engine has.
/// Pure: the caller asks the engine for its version once.
/// </summary>
public static class EngineVersionValidator
{
    /// <summary>
    /// <paramref name="allResources"/>: every declared network is created (<c>--all-resources</c>), so every one is
    /// checked; otherwise only those the selected services join.
    /// </summary>
    public static IReadOnlyList<string> Problems(Project project, IEnumerable<string>? services, EngineApiVersion engine, bool allResources = false)
    {
        var selected = services?.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        void Need(string subject, string feature, EngineApiVersion needed)
        {
            if (engine < needed)
            {
                problems.Add($"{subject}: {feature} needs engine API {needed}, this engine has {engine}");
            }
        }

        foreach (var service in project.Services.Values.Where(service => selected is null || selected.Contains(service.Name)))
        {
            var subject = $"service \"{service.Name}\"";
            if (service.Annotations.Count > 0)
            {
                Need(subject, "annotations", EngineFeatures.Annotations);
            }

            if (service.Volumes.Any(volume => volume.Volume?.Subpath is not null))
            {
                Need(subject, "volume subpath", EngineFeatures.VolumeSubpath);
            }

            if (service.Devices.Any(CdiDevices.IsCdi))
            {
                Need(subject, "CDI devices", EngineFeatures.CdiDevices);
            }

            var attachments = NetworkOrder.Ordered(service);
            foreach (var (key, attachment) in attachments)
            {
                if (attachment?.GwPriority is not null)
                {
                    Need(subject, $"networks.{key}.gw_priority", EngineFeatures.GatewayPriority);
                }

                if (attachment?.InterfaceName is not null)
                {
                    Need(subject, $"networks.{key}.interface_name", EngineFeatures.InterfaceName);
                }
            }

            // Before API 1.44 a container has one MAC address, given to the network it is created on (the first);
            // the later networks are joined afterwards and get addresses of the engine's choosing.
            foreach (var (key, attachment) in attachments.Skip(1).Where(pair => pair.Value?.MacAddress is not null))
            {
                Need(subject, $"networks.{key}.mac_address (not the first network)", EngineFeatures.EndpointMacAddress);
            }
        }

        // A service without networks joins the project's default network.
        var usedNetworks = project.Services.Values
            .Where(service => selected is null || selected.Contains(service.Name))
            .Where(service => service.NetworkMode is null)
            .SelectMany(service => NetworkOrder.Ordered(service).Select(pair => pair.Key))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (key, network) in project.Networks.Where(pair => (allResources || usedNetworks.Contains(pair.Key)) && !pair.Value.External && pair.Value.EnableIpv4 == false))
        {
            Need($"network \"{key}\"", "enable_ipv4: false", EngineFeatures.DisableIpv4);
        }

        return problems;
    }
}
