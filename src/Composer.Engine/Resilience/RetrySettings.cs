namespace Composer.Engine.Resilience;

public sealed record RetrySettings
{
    public int MaxRetries { get; init; } = 5;
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Bound on one call including all of its retries.</summary>
    public TimeSpan TotalTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>Bound on one attempt. Stops wait for the grace period, so this must exceed the longest one.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Jitter source; tests pin it to make delays predictable.</summary>
    public Func<double>? Randomizer { get; init; }
}
