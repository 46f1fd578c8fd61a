namespace Composer.Model;

/// <summary>
/// A lifecycle hook: <c>post_start</c> and <c>pre_stop</c> run the command in the service's container through exec;
/// <c>pre_start</c> runs it in a one-off container (of <see cref="Image"/>, else the service's image) before the
/// service's containers start.
/// </summary>
public sealed record ServiceHook
{
    public required IReadOnlyList<string> Command { get; init; }
    public string? User { get; init; }
    public bool? Privileged { get; init; }
    public string? WorkingDir { get; init; }
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);

    /// <summary>pre_start only: the image of the one-off container; null runs the service's image.</summary>
    public string? Image { get; init; }
}
