namespace Composer.Model;

/// <summary>A command run inside a service's container through exec (the spec's <c>hook</c>: sync+exec, post_start, pre_stop).</summary>
public sealed record ServiceHook
{
    public IReadOnlyList<string> Command { get; init; } = [];
    public string? User { get; init; }
    public bool Privileged { get; init; }
    public string? WorkingDir { get; init; }

    /// <summary>A null value means "take it from the caller's environment", as in <see cref="Service.Environment"/>.</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
