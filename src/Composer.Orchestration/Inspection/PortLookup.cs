using Composer.Engine.Contracts;

namespace Composer.Orchestration.Inspection;

/// <summary><c>port</c>: the host address a container port is published on.</summary>
public static class PortLookup
{
    public static async Task<string> FindAsync(
        IEngine engine, string projectName, string service, int privatePort, string protocol, int? index, CancellationToken cancellationToken)
    {
        var container = await ServiceContainers.OneAsync(engine, projectName, service, index, cancellationToken);
        return Binding(container, privatePort, protocol);
    }

    /// <summary>"host:port" of the first binding of that port (IPv6 hosts bracketed); throws when it is not published.</summary>
    public static string Binding(ContainerSummary container, int privatePort, string protocol)
    {
        var published = container.Ports.FirstOrDefault(port => port.ContainerPort == privatePort
            && string.Equals(port.Protocol, protocol, StringComparison.OrdinalIgnoreCase)
            && port.HostPort is not null)
            ?? throw new InspectionException($"no port {privatePort}/{protocol.ToLowerInvariant()} published for container {container.Name}");
        var host = string.IsNullOrEmpty(published.HostIp) ? "0.0.0.0" : published.HostIp;
        return (host.Contains(':', StringComparison.Ordinal) ? $"[{host}]" : host) + ":" + published.HostPort;
    }
}
