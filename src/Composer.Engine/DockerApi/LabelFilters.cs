namespace Composer.Engine.DockerApi;

/// <summary>The engine's filter shape for "has these labels".</summary>
internal static class LabelFilters
{
    public static IDictionary<string, IDictionary<string, bool>> For(IReadOnlyDictionary<string, string?> labels) =>
        new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
        {
            ["label"] = labels.ToDictionary(
                pair => pair.Value is null ? pair.Key : $"{pair.Key}={pair.Value}",
                _ => true,
                StringComparer.Ordinal),
        };
}
