namespace Composer.Model;

/// <summary>
/// The value of <c>network_mode</c>, <c>ipc</c>, <c>pid</c>, <c>uts</c> or <c>cgroup</c>, parsed once by the loader:
/// a plain mode (<c>host</c>, <c>none</c>, <c>shareable</c>, ...), or the namespace of another service
/// (<c>service:db</c>) or container (<c>container:abc</c>). <see cref="ToString"/> gives the Compose text back.
/// </summary>
public sealed record NamespaceMode
{
    private const string ServicePrefix = "service:";
    private const string ContainerPrefix = "container:";

    public NamespaceMode(ReferenceTarget target, string name)
    {
        Target = target;
        Name = name;
    }

    public ReferenceTarget Target { get; }

    /// <summary>The mode, service name or container name (without its prefix).</summary>
    public string Name { get; }

    /// <summary>The service whose namespace is shared, or null.</summary>
    public string? ServiceName => Target == ReferenceTarget.Service ? Name : null;

    /// <summary>The container whose namespace is shared, or null.</summary>
    public string? ContainerName => Target == ReferenceTarget.Container ? Name : null;

    public static NamespaceMode Parse(string text) =>
        text.StartsWith(ServicePrefix, StringComparison.Ordinal) ? new(ReferenceTarget.Service, text[ServicePrefix.Length..])
        : text.StartsWith(ContainerPrefix, StringComparison.Ordinal) ? new(ReferenceTarget.Container, text[ContainerPrefix.Length..])
        : new(ReferenceTarget.Mode, text);

    /// <summary>Compose text to a mode, so that <c>NetworkMode = "host"</c> reads as in a compose file.</summary>
    public static implicit operator NamespaceMode(string text) => Parse(text);

    /// <summary>The engine's form once a service is resolved to one of its containers: <c>container:NAME</c>.</summary>
    public string ToEngine(string? serviceContainer = null) => Target switch
    {
        ReferenceTarget.Service => ContainerPrefix + (serviceContainer ?? throw new InvalidOperationException($"{this} needs a container of \"{Name}\"")),
        ReferenceTarget.Container => ContainerPrefix + Name,
        _ => Name,
    };

    public override string ToString() => Target switch
    {
        ReferenceTarget.Service => ServicePrefix + Name,
        ReferenceTarget.Container => ContainerPrefix + Name,
        _ => Name,
    };
}
