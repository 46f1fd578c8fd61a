namespace Composer.Orchestration.Progress;

/// <summary>
/// One step of one resource, e.g. (Container, "shop-web-1", "Starting", Working) then (..., "Started", Done).
/// Elapsed runs from the start of that step.
/// </summary>
public sealed record ProgressEvent(ResourceKind Kind, string Name, string Status, ProgressState State, TimeSpan Elapsed);
