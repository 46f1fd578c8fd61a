namespace Composer.Model;

public sealed record Logging
{
    public string? Driver { get; init; }
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
