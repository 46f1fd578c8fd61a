namespace Composer.Model;

public sealed record Healthcheck
{
    /// <summary>Engine form: ["CMD", ...], ["CMD-SHELL", "..."] or ["NONE"]. A string test becomes CMD-SHELL.</summary>
    public IReadOnlyList<string>? Test { get; init; }
    public TimeSpan? Interval { get; init; }
    public TimeSpan? Timeout { get; init; }
    public TimeSpan? StartPeriod { get; init; }
    public TimeSpan? StartInterval { get; init; }
    public int? Retries { get; init; }
    public bool Disable { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
