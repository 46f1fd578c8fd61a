using Composer.Engine.Contracts;

namespace Composer.Engine.Validation;

/// <summary>The Engine API version from which each version-dependent feature is accepted by the engine.</summary>
public static class EngineFeatures
{
    /// <summary>HostConfig.Annotations.</summary>
    public static readonly EngineApiVersion Annotations = new(1, 43);

    /// <summary>A MAC address per endpoint (before it, one per container, on the network it is created on).</summary>
    public static readonly EngineApiVersion EndpointMacAddress = new(1, 44);

    /// <summary>CDI device requests (driver "cdi") in DeviceRequests.</summary>
    public static readonly EngineApiVersion CdiDevices = new(1, 44);

    /// <summary>VolumeOptions.Subpath of a volume mount.</summary>
    public static readonly EngineApiVersion VolumeSubpath = new(1, 45);

    /// <summary>EndpointSettings.GwPriority.</summary>
    public static readonly EngineApiVersion GatewayPriority = new(1, 48);

    /// <summary>EnableIPv4 on network create (false makes an IPv6-only network).</summary>
    public static readonly EngineApiVersion DisableIpv4 = new(1, 48);

    /// <summary>The com.docker.network.endpoint.ifname endpoint option (interface_name).</summary>
    public static readonly EngineApiVersion InterfaceName = new(1, 49);
}
