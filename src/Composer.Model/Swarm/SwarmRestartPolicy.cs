namespace Composer.Model.Swarm;

/// <summary><c>deploy.restart_policy</c> (or <c>restart</c> translated): none, on-failure or any.</summary>
public sealed record SwarmRestartPolicy
{
    public required string Condition { get; init; }
    public TimeSpan? Delay { get; init; }
    public ulong? MaxAttempts { get; init; }
    public TimeSpan? Window { get; init; }
}
