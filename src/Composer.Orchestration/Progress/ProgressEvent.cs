namespace Composer.Orchestration.Progress;

/// <summary>
/// One step of one resource, e.g. (Container, "shop-web-1", "Starting", Working) then (..., "Started", Done).
/// Elapsed runs from the start of that step.
/// </summary>
public sealed record ProgressEvent(ResourceKind Kind, string Name, string Status, ProgressState State, TimeSpan Elapsed)
{
    /// <summary>
    /// The service whose image a <see cref="ResourceKind.Layer"/> belongs to; null for everything else. Renderers that
    /// print one line per image leave these events out.
    /// </summary>
    public string? Parent { get; init; }

    /// <summary>Bytes of a layer downloaded, extracted or pushed so far; null when the engine did not say.</summary>
    public long? Current { get; init; }

    /// <summary>The layer's size in bytes, when the engine gives it.</summary>
    public long? Total { get; init; }

    /// <summary>
    /// A step in progress worth a line of its own in plain mode too (a stack service's "2/3 running"); other
    /// in-progress steps show only in the live view.
    /// </summary>
    public bool Milestone { get; init; }

    /// <summary>
    /// Why the plan has the step this event reports ("environment.API_URL changed", "scale 1 -> 2"); null for steps
    /// without one (waits, pulls, builds).
    /// </summary>
    public string? Cause { get; init; }
}
