namespace Composer.Planning;

public sealed record UpPlanOptions
{
    public bool ForceRecreate { get; init; }
    public bool NoRecreate { get; init; }
    public bool NoStart { get; init; }

    /// <summary>Leave the selected services' dependencies alone.</summary>
    public bool NoDeps { get; init; }
    public bool RemoveOrphans { get; init; }

    /// <summary>Empty means every service of the project.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];
    public IReadOnlyDictionary<string, int> Scale { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Stop timeout for containers replaced or removed; null uses each service's stop_grace_period.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>
    /// The current image id of services whose image is built here; a container labelled with another id runs an
    /// older build and is recreated.
    /// </summary>
    public IReadOnlyDictionary<string, string> ImageIds { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
