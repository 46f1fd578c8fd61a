namespace Composer.Engine.Resilience;

/// <summary>Bounds of the engine-call policies (see <see cref="EnginePolicies"/>).</summary>
public sealed record RetrySettings
{
    /// <summary>Attempts per call, the first included.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>First backoff delay; it doubles with each retry (with jitter).</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>Bound on one query attempt: a list or inspect that takes longer is cut and asked again.</summary>
    public TimeSpan QueryAttemptTimeout { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>Bound on one query including all of its retries.</summary>
    public TimeSpan QueryTotalTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Bound on one attempt of a change. A change cut by it is not retried (the engine may be doing it): the caller
    /// gets an <see cref="Contracts.EngineOutcomeUnknownException"/> and observes again.
    /// </summary>
    public TimeSpan ChangeAttemptTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Jitter source; tests pin it to make delays predictable.</summary>
    public Func<double>? Randomizer { get; init; }
}
