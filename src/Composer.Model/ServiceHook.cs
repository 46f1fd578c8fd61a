namespace Composer.Model;

/// <summary>
/// A command run for a service (the spec's <c>hook</c>): <c>post_start</c>, <c>pre_stop</c> and watch's
/// <c>sync+exec</c> run it in the service's container through exec; <c>pre_start</c> runs it in a one-off container
/// (of <see cref="Image"/>, else the service's image) before the service's containers start.
/// </summary>
public sealed record ServiceHook
{
    public IReadOnlyList<string> Command { get; init; } = [];
    public string? User { get; init; }
    public bool Privileged { get; init; }
    public string? WorkingDir { get; init; }

    /// <summary>A null value means "take it from the caller's environment", as in <see cref="Service.Environment"/>.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>pre_start only: the image of the one-off container; null runs the service's image.</summary>
    public string? Image { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
