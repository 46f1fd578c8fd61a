namespace Composer.Model;

public sealed record Volume
{
    /// <summary>Engine-side name: <c>name:</c> if given, else &lt;project&gt;_&lt;key&gt; (external: the key).</summary>
    public required string Name { get; init; }
    public string? Driver { get; init; }
    public IReadOnlyDictionary<string, string> DriverOpts { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public bool External { get; init; }
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
    public Extensions Extensions { get; init; } = Extensions.Empty;
}
