namespace Composer.Model;

/// <summary>One container port in long syntax. A short-syntax range expands to one entry per port.</summary>
public sealed record ServicePort
{
    public required int Target { get; init; }

    /// <summary>Host port or host range ("8000-8010"); null lets the engine choose.</summary>
    public string? Published { get; init; }
    public string? HostIp { get; init; }
    public string Protocol { get; init; } = "tcp";
    public string Mode { get; init; } = "ingress";
    public string? Name { get; init; }
    public string? AppProtocol { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
