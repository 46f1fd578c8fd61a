namespace Composer.Model;

/// <summary>A service's use of a secret or config (long syntax).</summary>
public sealed record FileReference
{
    public required string Source { get; init; }
    /// <summary>Null means the default: /run/secrets/&lt;source&gt; for secrets, /&lt;source&gt; for configs.</summary>
    public string? Target { get; init; }
    public string? Uid { get; init; }
    public string? Gid { get; init; }
    public int? Mode { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
