namespace Composer.Orchestration.Inspection;

/// <summary>A <c>cp</c> between the host and a service's container(s).</summary>
public sealed record CopyRequest(CopyLocation Source, CopyLocation Destination)
{
    /// <summary>Replica number of the container; the lowest-numbered one when null.</summary>
    public int? Index { get; init; }

    /// <summary>Copy into every container of the service.</summary>
    public bool All { get; init; }

    /// <summary>Keep uid/gid of the copied files (-a).</summary>
    public bool Archive { get; init; }

    /// <summary>Copy what a symbolic link source points to rather than the link (-L).</summary>
    public bool FollowLink { get; init; }
}
