namespace Composer.Model.Swarm;

/// <summary>The container part of a swarm task: what every replica runs.</summary>
public sealed record SwarmContainerSpec
{
    public required string Image { get; init; }

    /// <summary>Container labels: the service's <c>labels</c> plus the stack namespace.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = SwarmMaps.Empty<string>();

    /// <summary>The entrypoint (the engine calls it Command); null keeps the image's.</summary>
    public IReadOnlyList<string>? Command { get; init; }

    /// <summary>The command (the engine calls it Args); null keeps the image's.</summary>
    public IReadOnlyList<string>? Args { get; init; }

    public string? Hostname { get; init; }

    /// <summary>KEY=VALUE, sorted; a bare KEY takes the value from the node.</summary>
    public IReadOnlyList<string> Env { get; init; } = [];

    public string? Dir { get; init; }
    public string? User { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
    public bool? Init { get; init; }
    public string? StopSignal { get; init; }
    public TimeSpan? StopGracePeriod { get; init; }
    public bool? Tty { get; init; }
    public bool? OpenStdin { get; init; }
    public bool? ReadOnly { get; init; }

    /// <summary>"ADDRESS HOST" lines for /etc/hosts.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    public IReadOnlyList<string> DnsServers { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOptions { get; init; } = [];
    public Healthcheck? Healthcheck { get; init; }
    public IReadOnlyList<SwarmMount> Mounts { get; init; } = [];
    public IReadOnlyList<SwarmFileReference> Secrets { get; init; } = [];
    public IReadOnlyList<SwarmFileReference> Configs { get; init; } = [];
    public IReadOnlyDictionary<string, string> Sysctls { get; init; } = SwarmMaps.Empty<string>();
    public IReadOnlyList<string> CapAdd { get; init; } = [];
    public IReadOnlyList<string> CapDrop { get; init; } = [];
    public IReadOnlyDictionary<string, Ulimit> Ulimits { get; init; } = SwarmMaps.Empty<Ulimit>();
    public long? OomScoreAdj { get; init; }
    public string? Isolation { get; init; }
}
