namespace Composer.Model;

public sealed record BuildConfig
{
    /// <summary>Absolute path, or a URL (git context).</summary>
    public required string Context { get; init; }
    public string? Dockerfile { get; init; }
    public string? DockerfileInline { get; init; }
    public IReadOnlyDictionary<string, string?> Args { get; init; } = new SortedDictionary<string, string?>(StringComparer.Ordinal);
    public string? Target { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public string? Network { get; init; }
    public IReadOnlyList<ExtraHost> ExtraHosts { get; init; } = [];
    public long? ShmSize { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public bool? NoCache { get; init; }
    public bool? Pull { get; init; }
    public IReadOnlyList<string> CacheFrom { get; init; } = [];
    public IReadOnlyList<string> CacheTo { get; init; } = [];
    public IReadOnlyList<string> Platforms { get; init; } = [];
    public string? Isolation { get; init; }
    public bool? Privileged { get; init; }

    /// <summary>ssh, secrets, additional_contexts, ulimits, entitlements... kept generic.</summary>
    public Extensions Other { get; init; } = Extensions.Empty;
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
