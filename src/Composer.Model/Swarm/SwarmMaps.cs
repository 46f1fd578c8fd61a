namespace Composer.Model.Swarm;

/// <summary>Ordinal sorted maps, so that specs serialize (and hash) the same way every time.</summary>
public static class SwarmMaps
{
    public static IReadOnlyDictionary<string, T> Empty<T>() => new SortedDictionary<string, T>(StringComparer.Ordinal);

    public static IReadOnlyDictionary<string, T> Sorted<T>(IEnumerable<KeyValuePair<string, T>> entries)
    {
        var sorted = new SortedDictionary<string, T>(StringComparer.Ordinal);
        foreach (var (key, value) in entries)
        {
            sorted[key] = value;
        }

        return sorted;
    }
}
