namespace Composer.Model.Swarm;

/// <summary>A secret or config mounted as a file in the task.</summary>
public sealed record SwarmFileReference
{
    /// <summary>The swarm object's name (content-hashed after a rotation); resolved to an id when sent.</summary>
    public required string ObjectName { get; init; }

    /// <summary>Path (configs) or file name under /run/secrets (secrets).</summary>
    public required string Target { get; init; }
    public string Uid { get; init; } = "0";
    public string Gid { get; init; } = "0";
    public int Mode { get; init; } = 0x124; // 0444
}
