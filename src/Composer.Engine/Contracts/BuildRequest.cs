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
}
