namespace Composer.Model.Swarm;

/// <summary>One task (a replica's attempt) as the swarm reports it.</summary>
public sealed record SwarmTaskState
{
    public required string Id { get; init; }
    public required string ServiceId { get; init; }
    public long? Slot { get; init; }
    public string? NodeId { get; init; }

    /// <summary>running, shutdown, ...: what the orchestrator wants.</summary>
    public required string DesiredState { get; init; }

    /// <summary>new, pending, assigned, preparing, starting, running, complete, failed, rejected, shutdown, ...</summary>
    public required string State { get; init; }
    public string? Message { get; init; }
    public string? Error { get; init; }
    public long? ExitCode { get; init; }
    public DateTimeOffset? Timestamp { get; init; }
    public DateTimeOffset? CreatedAt { get; init; }
    public required string Image { get; init; }
    public string? ContainerId { get; init; }
}
