namespace Composer.Model;

/// <summary>
/// <c>x-*</c> keys and attributes kept as a generic value tree: a value is null, string, bool, long, double,
/// <see cref="IReadOnlyList{T}"/> of values, or <see cref="IReadOnlyDictionary{TKey,TValue}"/> from string to values.
/// </summary>
public sealed record Extensions(IReadOnlyDictionary<string, object?> Values)
{
    public static Extensions Empty { get; } = new(new SortedDictionary<string, object?>(StringComparer.Ordinal));

    public bool IsEmpty => Values.Count == 0;
}
