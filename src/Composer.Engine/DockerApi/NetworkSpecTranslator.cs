// Docker.DotNet models declare their strings non-nullable, yet the engine API reads null as "not set".
#pragma warning disable CS8601, CS8625

using Composer.Engine.Contracts;
using Composer.Model;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>A top-level network to the engine's create-network body, with the labels that mark it as ours.</summary>
internal static class NetworkSpecTranslator
{
    public static NetworksCreateParameters Translate(NetworkRequest request)
    {
        var network = request.Network;
        var labels = new Dictionary<string, string>(network.Labels, StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = request.ProjectName,
            [ComposeLabels.Network] = request.Key,
            [ComposeLabels.Version] = ComposeLabels.ComposerVersion,
        };
        if (request.ConfigHash is { } hash)
        {
            labels[ComposeLabels.ConfigHash] = hash;
        }

        return new NetworksCreateParameters
        {
            Name = network.Name,
            Driver = network.Driver ?? "bridge",
            Options = network.DriverOpts.ToDictionary(StringComparer.Ordinal),
            Internal = network.Internal ?? false,
            Attachable = network.Attachable ?? false,
            EnableIPv6 = network.EnableIpv6,

            // Only false is sent (an IPv6-only network, API 1.48): older engines reject a field they do not know.
            EnableIPv4 = network.EnableIpv4 == false ? false : null,
            Labels = labels,
            IPAM = network.Ipam is null ? null : new IPAM
            {
                Driver = network.Ipam.Driver ?? "default",
                Options = network.Ipam.Options.ToDictionary(StringComparer.Ordinal),
                Config = [.. network.Ipam.Config.Select(pool => new IPAMConfig
                {
                    Subnet = pool.Subnet, IPRange = pool.IpRange, Gateway = pool.Gateway,
                    AuxAddress = pool.AuxAddresses.ToDictionary(StringComparer.Ordinal),
                })],
            },
        };
    }
}
