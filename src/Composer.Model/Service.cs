namespace Composer.Model;

/// <summary>A service in canonical (long) form. Durations are TimeSpans, byte sizes are byte counts.</summary>
public sealed record Service
{
    public required string Name { get; init; }

    public string? Image { get; init; }
    public BuildConfig? Build { get; init; }
    public string? PullPolicy { get; init; }
    public string? Platform { get; init; }

    /// <summary>Null when not set (the image decides); an empty list when set to empty.</summary>
    public IReadOnlyList<string>? Command { get; init; }
    public IReadOnlyList<string>? Entrypoint { get; init; }
    public string? WorkingDir { get; init; }
    public string? User { get; init; }
    public string? Hostname { get; init; }
    public string? Domainname { get; init; }
    public string? ContainerName { get; init; }

    /// <summary>Merged from env_file then environment; a null value means "take it from the caller's environment".</summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = Empty<string?>();
    public IReadOnlyList<EnvFile> EnvFiles { get; init; } = [];
    public IReadOnlyDictionary<string, string> Labels { get; init; } = Empty<string>();
    public IReadOnlyDictionary<string, string> Annotations { get; init; } = Empty<string>();

    public IReadOnlyList<ServicePort> Ports { get; init; } = [];
    public IReadOnlyList<string> Expose { get; init; } = [];
    public IReadOnlyList<ServiceVolume> Volumes { get; init; } = [];
    /// <summary>Parsed once by the loader; see <see cref="ServiceReferences"/> for the services these name.</summary>
    public IReadOnlyList<VolumesFromSource> VolumesFrom { get; init; } = [];
    public IReadOnlyList<string> Tmpfs { get; init; } = [];

    /// <summary>Networks the service joins, by network key. Empty with no network_mode means the default network.</summary>
    public IReadOnlyDictionary<string, ServiceNetwork?> Networks { get; init; } = Empty<ServiceNetwork?>();
    /// <summary><c>network_mode</c>: a mode, a network, or <c>service:x</c> / <c>container:x</c>.</summary>
    public NamespaceMode? NetworkMode { get; init; }
    /// <summary><c>links</c>: services, each with an optional alias.</summary>
    public IReadOnlyList<Link> Links { get; init; } = [];
    /// <summary><c>external_links</c>: containers, each with an optional alias.</summary>
    public IReadOnlyList<Link> ExternalLinks { get; init; } = [];
    public IReadOnlyList<ExtraHost> ExtraHosts { get; init; } = [];
    public IReadOnlyList<string> Dns { get; init; } = [];
    public IReadOnlyList<string> DnsSearch { get; init; } = [];
    public IReadOnlyList<string> DnsOpt { get; init; } = [];
    public string? MacAddress { get; init; }

    public IReadOnlyDictionary<string, ServiceDependency> DependsOn { get; init; } = Empty<ServiceDependency>();
    public IReadOnlyList<string> Profiles { get; init; } = [];

    /// <summary>Number of containers; null when neither scale nor deploy.replicas says (meaning one).</summary>
    public int? Scale { get; init; }

    public Healthcheck? Healthcheck { get; init; }
    public string? Restart { get; init; }
    public string? StopSignal { get; init; }
    public TimeSpan? StopGracePeriod { get; init; }

    public IReadOnlyList<string> CapAdd { get; init; } = [];
    public IReadOnlyList<string> CapDrop { get; init; } = [];
    public bool? Privileged { get; init; }
    public bool? ReadOnly { get; init; }
    public bool? Init { get; init; }
    public bool? Tty { get; init; }
    public bool? StdinOpen { get; init; }
    public IReadOnlyList<string> SecurityOpt { get; init; } = [];
    public IReadOnlyList<string> GroupAdd { get; init; } = [];
    public NamespaceMode? Ipc { get; init; }
    public NamespaceMode? Pid { get; init; }
    public NamespaceMode? Uts { get; init; }
    public string? UsernsMode { get; init; }
    public NamespaceMode? Cgroup { get; init; }
    public string? CgroupParent { get; init; }
    public string? Isolation { get; init; }
    public string? Runtime { get; init; }

    public long? MemLimit { get; init; }
    public long? MemReservation { get; init; }
    public long? MemswapLimit { get; init; }
    public int? MemSwappiness { get; init; }
    public double? Cpus { get; init; }
    public long? CpuShares { get; init; }
    public long? CpuPeriod { get; init; }
    public long? CpuQuota { get; init; }
    public long? CpuRtPeriod { get; init; }
    public long? CpuRtRuntime { get; init; }
    public long? CpuCount { get; init; }
    public double? CpuPercent { get; init; }
    public string? Cpuset { get; init; }
    public long? PidsLimit { get; init; }
    public long? ShmSize { get; init; }
    public bool? OomKillDisable { get; init; }
    public int? OomScoreAdj { get; init; }
    public IReadOnlyDictionary<string, string> Sysctls { get; init; } = Empty<string>();
    public IReadOnlyDictionary<string, Ulimit> Ulimits { get; init; } = Empty<Ulimit>();
    public IReadOnlyList<DeviceMapping> Devices { get; init; } = [];
    public IReadOnlyList<string> DeviceCgroupRules { get; init; } = [];
    public IReadOnlyDictionary<string, string> StorageOpt { get; init; } = Empty<string>();
    public Logging? Logging { get; init; }
    public Deploy? Deploy { get; init; }

    public IReadOnlyList<FileReference> Secrets { get; init; } = [];
    public IReadOnlyList<FileReference> Configs { get; init; } = [];

    /// <summary><c>develop</c>: watch rules; only <c>watch</c> and <c>up --watch</c> read it.</summary>
    public Develop? Develop { get; init; }

    /// <summary>Rarely used attributes (blkio_config, credential_spec, gpus, post_start, ...) kept as generic values.</summary>
    public Extensions Other { get; init; } = Extensions.Empty;
    public Extensions Extensions { get; init; } = Extensions.Empty;

    private static IReadOnlyDictionary<string, T> Empty<T>() => new SortedDictionary<string, T>(StringComparer.Ordinal);
}
