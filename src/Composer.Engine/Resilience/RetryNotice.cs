namespace Composer.Engine.Resilience;

/// <summary>An engine call is about to be tried again: <paramref name="Attempt"/> of <paramref name="MaxAttempts"/> comes next.</summary>
public sealed record RetryNotice(string Operation, int Attempt, int MaxAttempts, TimeSpan Delay, string Reason)
{
    /// <summary>The one line users see, e.g. <c>retrying start container web-1 (engine answered 500: ...), attempt 2 of 5</c>.</summary>
    public string Message => $"retrying {Operation} ({Reason}), attempt {Attempt} of {MaxAttempts}";

    public override string ToString() => Message;
}
