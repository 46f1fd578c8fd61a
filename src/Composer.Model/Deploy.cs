namespace Composer.Model;

/// <summary>The parts of <c>deploy</c> a single engine honours are typed; swarm-only parts stay generic.</summary>
public sealed record Deploy
{
    public string? Mode { get; init; }
    public int? Replicas { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public ResourceSpec? Limits { get; init; }
    public ResourceSpec? Reservations { get; init; }
    public RestartPolicy? RestartPolicy { get; init; }

    /// <summary>update_config, rollback_config, placement, endpoint_mode and such.</summary>
    public Extensions Other { get; init; } = Extensions.Empty;
}

public sealed record ResourceSpec
{
    public double? Cpus { get; init; }
    public long? Memory { get; init; }
    public long? Pids { get; init; }

    /// <summary>reservations.devices: device requests (GPUs) the engine must satisfy.</summary>
    public IReadOnlyList<DeviceRequest> Devices { get; init; } = [];
}

public sealed record RestartPolicy
{
    public string? Condition { get; init; }
    public TimeSpan? Delay { get; init; }
    public int? MaxAttempts { get; init; }
    public TimeSpan? Window { get; init; }
}
