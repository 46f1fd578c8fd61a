namespace Composer.Engine.Contracts;

/// <summary>One image build: where the context is, what to pass the Dockerfile, and the names the image gets.</summary>
public sealed record BuildRequest
{
    /// <summary>The service the image is built for, named in errors and output.</summary>
    public required string ServiceName { get; init; }

    /// <summary>Absolute path of the context directory.</summary>
    public required string Context { get; init; }

    /// <summary>Relative to the context or absolute; null means Dockerfile.</summary>
    public string? Dockerfile { get; init; }
    public string? DockerfileInline { get; init; }

    /// <summary>The image name first, then the extra tags.</summary>
    public required IReadOnlyList<string> Tags { get; init; }
    public IReadOnlyDictionary<string, string> Args { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public string? Target { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
    public string? Network { get; init; }

    /// <summary>"host:address" entries.</summary>
    public IReadOnlyList<string> ExtraHosts { get; init; } = [];
    public long? ShmSize { get; init; }
    public bool NoCache { get; init; }
    public bool Pull { get; init; }

    /// <summary>Images whose inline cache BuildKit may reuse (cache_from; <c>type=registry,ref=</c> reduced to the ref).</summary>
    public IReadOnlyList<string> CacheFrom { get; init; } = [];

    /// <summary>cache_to asks for inline cache: the image carries its cache metadata (BUILDKIT_INLINE_CACHE).</summary>
    public bool InlineCache { get; init; }

    /// <summary>The one platform asked for (os/arch), which is the engine's own.</summary>
    public string? Platform { get; init; }

    /// <summary>Stages whose steps must run again (no_cache_filter).</summary>
    public IReadOnlyList<string> NoCacheStages { get; init; } = [];

    /// <summary>
    /// additional_contexts: name to an image (<c>docker-image://ref</c>, also what <c>service:x</c> became) or an
    /// absolute local directory.
    /// </summary>
    public IReadOnlyDictionary<string, string> AdditionalContexts { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Build secrets by the id RUN --mount=type=secret asks for, with their content; served through a session.</summary>
    public IReadOnlyDictionary<string, byte[]> Secrets { get; init; } = new Dictionary<string, byte[]>(StringComparer.Ordinal);

    /// <summary>ssh agents by the id RUN --mount=type=ssh asks for; forwarded through a session.</summary>
    public IReadOnlyDictionary<string, SshSource> Ssh { get; init; } = new Dictionary<string, SshSource>(StringComparer.Ordinal);

    /// <summary>ulimits for the build's RUN steps.</summary>
    public IReadOnlyList<BuildUlimit> Ulimits { get; init; } = [];
}

/// <summary>One ulimit of a build, e.g. (nofile, 1024, 2048).</summary>
public sealed record BuildUlimit(string Name, long Soft, long Hard);

/// <summary>Where a build's ssh id leads: an agent's socket, or a private key file loaded into an agent of the build's own.</summary>
public sealed record SshSource(string Path, bool KeyFile);
