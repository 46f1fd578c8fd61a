namespace Composer.Model;

/// <summary>
/// One entry of <c>volumes_from</c>: <c>service[:ro|rw]</c> (also written <c>service:NAME[:ro|rw]</c>) or
/// <c>container:NAME[:ro|rw]</c>. <see cref="ToString"/> gives the canonical Compose text.
/// </summary>
public sealed record VolumesFromSource
{
    private const string ContainerPrefix = "container:";
    private const string ServicePrefix = "service:";

    public VolumesFromSource(ReferenceTarget target, string name, bool? readOnly = null)
    {
        if (target == ReferenceTarget.Mode)
        {
            throw new ArgumentOutOfRangeException(nameof(target), "volumes_from names a service or a container");
        }

        Target = target;
        Name = name;
        ReadOnly = readOnly;
    }

    /// <summary><see cref="ReferenceTarget.Service"/> or <see cref="ReferenceTarget.Container"/>.</summary>
    public ReferenceTarget Target { get; }

    public string Name { get; }

    /// <summary>True for <c>:ro</c>, false for <c>:rw</c>, null when not given (the engine's default, rw).</summary>
    public bool? ReadOnly { get; }

    public string? ServiceName => Target == ReferenceTarget.Service ? Name : null;

    /// <summary>Parses the Compose text; null when the access mode is neither ro nor rw.</summary>
    public static VolumesFromSource? TryParse(string text)
    {
        var target = ReferenceTarget.Service;
        var rest = text;
        if (rest.StartsWith(ContainerPrefix, StringComparison.Ordinal))
        {
            target = ReferenceTarget.Container;
            rest = rest[ContainerPrefix.Length..];
        }
        else if (rest.StartsWith(ServicePrefix, StringComparison.Ordinal))
        {
            rest = rest[ServicePrefix.Length..];
        }

        var colon = rest.LastIndexOf(':');
        if (colon < 0)
        {
            return new(target, rest);
        }

        return rest[(colon + 1)..] switch
        {
            "ro" => new(target, rest[..colon], true),
            "rw" => new(target, rest[..colon], false),
            _ => null,
        };
    }

    public static VolumesFromSource Parse(string text) =>
        TryParse(text) ?? throw new FormatException($"volumes_from \"{text}\": the access mode must be ro or rw");

    public static implicit operator VolumesFromSource(string text) => Parse(text);

    /// <summary>The engine's form once a service is resolved to one of its containers: <c>NAME[:ro|rw]</c>.</summary>
    public string ToEngine(string? serviceContainer = null)
    {
        var name = Target == ReferenceTarget.Service
            ? serviceContainer ?? throw new InvalidOperationException($"volumes_from {this} needs a container of \"{Name}\"")
            : Name;
        return name + Suffix;
    }

    public override string ToString() => (Target == ReferenceTarget.Container ? ContainerPrefix : "") + Name + Suffix;

    private string Suffix => ReadOnly switch { true => ":ro", false => ":rw", null => "" };
}
