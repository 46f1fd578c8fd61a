namespace Composer.Engine.Resilience;

/// <summary>An engine call is about to be tried again.</summary>
public sealed record RetryNotice(string Operation, int Attempt, TimeSpan Delay, string Reason);
