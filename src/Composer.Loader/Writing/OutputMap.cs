using System.Collections;
using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary>
/// The document the writers print: an object whose values are null, string, bool, long, int, double,
/// <see cref="OutputMap"/> or <see cref="List{T}"/> of values. Keys print in alphabetical order unless
/// <see cref="KeepOrder"/> is set (only the top level has a fixed order).
/// </summary>
internal sealed class OutputMap
{
    private readonly List<KeyValuePair<string, object?>> _entries = [];

    public bool KeepOrder { get; init; }

    public IReadOnlyList<KeyValuePair<string, object?>> Entries =>
        KeepOrder ? _entries : _entries.OrderBy(entry => entry.Key, StringComparer.Ordinal).ToList();

    public bool IsEmpty => _entries.Count == 0;

    /// <summary>Adds a value unless it is null or an empty collection: canonical output leaves out what says nothing.</summary>
    public OutputMap Add(string key, object? value)
    {
        var isEmpty = value switch
        {
            null => true,
            OutputMap map => map.IsEmpty,
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
    public OutputMap AddExact(string key, object? value)
    {
        _entries.Add(new(key, value));
        return this;
    }

    public OutputMap AddTrue(string key, bool value) => value ? Add(key, true) : this;

    public OutputMap AddExtensions(Extensions extensions)
    {
        foreach (var (key, value) in extensions.Values)
        {
            AddExact(key, Generic(value));
        }

        return this;
    }

    public static OutputMap Strings<T>(IReadOnlyDictionary<string, T> values)
    {
        var map = new OutputMap();
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

    private static OutputMap FromDictionary(IDictionary dictionary)
    {
        var map = new OutputMap();
        foreach (DictionaryEntry entry in dictionary)
        {
            map.AddExact(Convert.ToString(entry.Key, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty, Generic(entry.Value));
        }

        return map;
    }
}
