namespace Composer.Orchestration.Inspection;

/// <summary>One side of <c>cp</c>: a path inside a service's container, or on the host when Service is null ("-" is a tar stream).</summary>
public sealed record CopyLocation(string? Service, string Path)
{
    public bool InContainer => Service is not null;

    public bool IsStream => Service is null && Path == "-";
}
