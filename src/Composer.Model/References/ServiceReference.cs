namespace Composer.Model;

/// <summary>One service naming another (<see cref="Service"/>), and which attribute does it.</summary>
public sealed record ServiceReference(string Service, ReferenceReason Reason)
{
    /// <summary>The Compose attribute that holds the reference, for messages: <c>network_mode</c>, <c>volumes_from</c>, ...</summary>
    public string Attribute => Reason switch
    {
        ReferenceReason.DependsOn => "depends_on",
        ReferenceReason.Link => "links",
        ReferenceReason.VolumesFrom => "volumes_from",
        ReferenceReason.NetworkMode => "network_mode",
        ReferenceReason.Ipc => "ipc",
        ReferenceReason.Pid => "pid",
        ReferenceReason.Uts => "uts",
        ReferenceReason.Cgroup => "cgroup",
        _ => throw new ArgumentOutOfRangeException(nameof(Reason), Reason, null),
    };

    /// <summary>
    /// True when the referring container is created against one of the other service's containers (its volumes or a
    /// namespace), so that container must exist first and its name is needed at creation.
    /// </summary>
    public bool SharesContainer => Reason is not (ReferenceReason.DependsOn or ReferenceReason.Link);

    /// <summary>True for the references that the loader turns into <c>depends_on</c> entries (all but depends_on itself).</summary>
    public bool Implied => Reason != ReferenceReason.DependsOn;
}
