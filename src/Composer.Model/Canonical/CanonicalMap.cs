using System.Collections;

namespace Composer.Model;

/// <summary>
/// The document the writers print: an object whose values are null, string, bool, long, int, double,
/// <see cref="CanonicalMap"/> or <see cref="List{T}"/> of values. Keys print in alphabetical order unless
/// <see cref="KeepOrder"/> is set (only the top level has a fixed order).
/// </summary>
public sealed class CanonicalMap
{
    private readonly List<KeyValuePair<string, object?>> _entries = [];
    private readonly HashSet<string> _extensionKeys = new(StringComparer.Ordinal);

    public bool KeepOrder { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Entries =>
        KeepOrder ? _entries : _entries.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Adds a value unless it is null or an empty collection: canonical output leaves out what says nothing.</summary>
    public CanonicalMap Add(string key, object? value)
    {
        var isEmpty = value switch
        {
            null => true,
            CanonicalMap map => map.IsEmpty,
            string => false,
            ICollection collection => collection.Count == 0,
            _ => false,
        };
        if (!isEmpty)
        {
            _entries.Add(new(key, value));
        }

        return this;
    }

    /// <summary>Adds the value as it is, null and empty included, where those carry meaning (command: [], FOO: null).</summary>
    public CanonicalMap AddExact(string key, object? value)
    {
        _entries.Add(new(key, value));
        return this;
    }

    public CanonicalMap AddTrue(string key, bool value) => value ? Add(key, true) : this;

    public CanonicalMap AddExtensions(Extensions extensions)
    {
        foreach (var (key, value) in extensions.Values)
        {
            AddExact(key, Generic(value));
            _extensionKeys.Add(key);
        }

        return this;
    }

    /// <summary>The value under <paramref name="key"/>, or null.</summary>
    public object? this[string key] => _entries.FirstOrDefault(entry => entry.Key == key).Value;

    /// <summary>
    /// A copy without the given keys (at this level) and without <c>x-*</c> extension keys at any level; labels,
    /// environment and other user data whose keys happen to start with <c>x-</c> are kept.
    /// </summary>
    public CanonicalMap Without(params string[] keys)
    {
        var copy = new CanonicalMap { KeepOrder = KeepOrder };
        foreach (var (key, value) in _entries)
        {
            if (!_extensionKeys.Contains(key) && !keys.Contains(key, StringComparer.Ordinal))
            {
                copy._entries.Add(new(key, WithoutExtensions(value)));
            }
        }

        return copy;
    }

    private static object? WithoutExtensions(object? value) => value switch
    {
        CanonicalMap map => map.Without(),
        IList items => items.Cast<object?>().Select(WithoutExtensions).ToList(),
        _ => value,
    };

    public static CanonicalMap Strings<T>(IReadOnlyDictionary<string, T> values)
    {
        var map = new CanonicalMap();
        foreach (var (key, value) in values)
        {
            map.AddExact(key, value);
        }

        return map;
    }

    public static List<object?> List<T>(IEnumerable<T> values) => values.Select(value => (object?)value).ToList();

    /// <summary>Turns a generic value of <see cref="Extensions"/> into output values.</summary>
    /// <remarks>Also accepts any dictionary or list type, so that values other stages build by hand still print.</remarks>
    public static object? Generic(object? value) => value switch
    {
        IDictionary dictionary => FromDictionary(dictionary),
        string text => text,
        IEnumerable items => items.Cast<object?>().Select(Generic).ToList(),
        _ => value,
    };

    private static CanonicalMap FromDictionary(IDictionary dictionary)
    {
        var map = new CanonicalMap();
        foreach (DictionaryEntry entry in dictionary)
        {
            map.AddExact(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Generic(entry.Value));
        }

        return map;
    }
}
