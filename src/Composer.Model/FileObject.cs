namespace Composer.Model;

/// <summary>A top-level secret or config.</summary>
public sealed record FileObject
{
    /// <summary>Engine-side name: <c>name:</c> if given, else &lt;project&gt;_&lt;key&gt; (external: the key).</summary>
    public required string Name { get; init; }
    /// <summary>Absolute path of the file.</summary>
    public string? File { get; init; }
    public string? Environment { get; init; }
    public string? Content { get; init; }
    public bool External { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public string? Driver { get; init; }
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public string? TemplateDriver { get; init; }
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
