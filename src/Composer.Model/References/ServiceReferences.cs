namespace Composer.Model;

/// <summary>
/// The one place that says which other services a service names, and why. Everything that orders, checks, waits for
/// or resolves other services (implied depends_on, consistency checks, the planner, container creation) reads this
/// instead of looking at attributes itself.
/// </summary>
public static class ServiceReferences
{
    /// <summary>
    /// depends_on entries (sorted), then links, volumes_from of services, and network_mode, ipc, pid, uts and cgroup
    /// of <c>service:NAME</c>, in that order. A service named by several attributes appears once per attribute.
    /// </summary>
    public static IReadOnlyList<ServiceReference> References(this Service service)
    {
        var references = new List<ServiceReference>();
        references.AddRange(service.DependsOn.Keys.Order(StringComparer.Ordinal).Select(name => new ServiceReference(name, ReferenceReason.DependsOn)));
        references.AddRange(service.Links.Select(link => new ServiceReference(link.Name, ReferenceReason.Link)));
        references.AddRange(service.VolumesFrom
            .Where(source => source.Target == ReferenceTarget.Service)
            .Select(source => new ServiceReference(source.Name, ReferenceReason.VolumesFrom)));
        AddNamespace(references, service.NetworkMode, ReferenceReason.NetworkMode);
        AddNamespace(references, service.Ipc, ReferenceReason.Ipc);
        AddNamespace(references, service.Pid, ReferenceReason.Pid);
        AddNamespace(references, service.Uts, ReferenceReason.Uts);
        AddNamespace(references, service.Cgroup, ReferenceReason.Cgroup);
        return references;
    }

    /// <summary>The distinct services whose containers this service is created against (volumes_from, namespaces).</summary>
    public static IReadOnlyList<string> SharedContainerServices(this Service service) =>
        [.. service.References().Where(reference => reference.SharesContainer).Select(reference => reference.Service).Distinct(StringComparer.Ordinal)];

    private static void AddNamespace(List<ServiceReference> references, NamespaceMode? mode, ReferenceReason reason)
    {
        if (mode?.ServiceName is { } name)
        {
            references.Add(new ServiceReference(name, reason));
        }
    }
}
