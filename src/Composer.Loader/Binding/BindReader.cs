using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// Reads typed values out of tree nodes. A value of the wrong shape becomes a located diagnostic and a null result,
/// so that one bad attribute does not hide the other errors of the file.
/// </summary>
internal sealed class BindReader(DiagnosticBag diagnostics, BindContext context)
{
    public BindContext Context { get; } = context;

    public void Error(Node node, string path, string message) => diagnostics.Error(node.Mark, path, message);

    public void Warning(Node node, string path, string message) => diagnostics.Warning(node.Mark, path, message);

    public static bool IsNull(Node node) => node is ScalarNode { IsNull: true };

    public MappingNode? Mapping(Node node, string path)
    {
        if (node is MappingNode mapping)
        {
            return mapping;
        }

        if (!IsNull(node))
        {
            Error(node, path, "must be a mapping");
        }

        return null;
    }

    /// <summary>
    /// A list whose items are written short (a scalar) or long (a mapping), as ports, volumes, devices, env_file,
    /// secrets and configs are. Each form may give several items (a port range) or none (an error already reported);
    /// a short form that returns null, and an item of any other shape, is reported as not being <paramref name="expected"/>.
    /// </summary>
    public List<T> ShortOrLongItems<T>(
        Node node,
        string path,
        string expected,
        Func<ScalarNode, string, IEnumerable<T>?> shortForm,
        Func<MappingNode, string, IEnumerable<T>> longForm)
    {
        var items = new List<T>();
        var sequence = Sequence(node, path);
        if (sequence is null)
        {
            return items;
        }

        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var itemPath = PathText.Index(path, index);
            var item = sequence.Items[index];
            var bound = item switch
            {
                ScalarNode { IsNull: false } scalar => shortForm(scalar, itemPath),
                MappingNode mapping => longForm(mapping, itemPath),
                _ => null,
            };
            if (bound is null)
            {
                Error(item, itemPath, "must be " + expected);
                continue;
            }

            items.AddRange(bound);
        }

        return items;
    }

    /// <summary>A list of mappings only (hooks, device requests, blkio devices); any other item is reported.</summary>
    public List<T> MappingItems<T>(Node node, string path, string expected, Func<MappingNode, string, IEnumerable<T>> bind) =>
        ShortOrLongItems(node, path, expected, (_, _) => null, bind);

    /// <summary>A key the long form cannot do without; null (reported) when missing or empty.</summary>
    public string? RequiredStringAt(MappingNode mapping, string key, string path)
    {
        var value = StringAt(mapping, key, path);
        if (string.IsNullOrEmpty(value))
        {
            Error(mapping, PathText.Key(path, key), "is required");
            return null;
        }

        return value;
    }

    public SequenceNode? Sequence(Node node, string path)
    {
        if (node is SequenceNode sequence)
        {
            return sequence;
        }

        if (!IsNull(node))
        {
            Error(node, path, "must be a list");
        }

        return null;
    }

    public string? String(Node node, string path)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        Error(node, path, "must be a string");
        return null;
    }

    public bool? Bool(Node node, string path)
    {
        if (node is ScalarNode scalar && !scalar.IsNull)
        {
            if (ScalarText.TryParseBool(scalar.Value, out var value))
            {
                return value;
            }
        }
        else if (IsNull(node))
        {
            return null;
        }

        Error(node, path, "must be a boolean (true or false)");
        return null;
    }

    public long? Long(Node node, string path)
    {
        if (node is ScalarNode scalar && !scalar.IsNull)
        {
            if (ScalarText.TryParseLong(scalar.Value.Trim(), out var value))
            {
                return value;
            }
        }
        else if (IsNull(node))
        {
            return null;
        }

        Error(node, path, "must be an integer");
        return null;
    }

    public int? Int(Node node, string path)
    {
        var value = Long(node, path);
        if (value is null)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            Error(node, path, "is out of range");
            return null;
        }

        return (int)value.Value;
    }

    public double? Double(Node node, string path)
    {
        if (node is ScalarNode scalar && !scalar.IsNull)
        {
            var text = scalar.Value.Trim();
            if (ScalarText.TryParseLong(text, out var whole))
            {
                return whole;
            }

            if (ScalarText.TryParseDouble(text, out var value) && double.IsFinite(value))
            {
                return value;
            }
        }
        else if (IsNull(node))
        {
            return null;
        }

        Error(node, path, "must be a number");
        return null;
    }

    public TimeSpan? Duration(Node node, string path)
    {
        var text = String(node, path);
        if (text is null)
        {
            return null;
        }

        if (DurationText.TryParse(text, out var duration, out var error))
        {
            return duration;
        }

        Error(node, path, error);
        return null;
    }

    public long? ByteSize(Node node, string path)
    {
        var text = String(node, path);
        if (text is null)
        {
            return null;
        }

        if (ByteSizeText.TryParse(text, out var bytes))
        {
            return bytes;
        }

        Error(node, path, $"invalid size \"{text}\" (for example 512m, 1gb or a number of bytes)");
        return null;
    }

    public string? StringAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? String(node, PathText.Key(path, key)) : null;

    public bool? BoolAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? Bool(node, PathText.Key(path, key)) : null;

    public int? IntAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? Int(node, PathText.Key(path, key)) : null;

    public long? LongAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? Long(node, PathText.Key(path, key)) : null;

    public double? DoubleAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? Double(node, PathText.Key(path, key)) : null;

    public TimeSpan? DurationAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? Duration(node, PathText.Key(path, key)) : null;

    public long? ByteSizeAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? ByteSize(node, PathText.Key(path, key)) : null;

    public SortedDictionary<string, string> StringMapAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? StringMap(node, PathText.Key(path, key)) : new SortedDictionary<string, string>(StringComparer.Ordinal);

    public IReadOnlyList<string> StringListAt(MappingNode mapping, string key, string path) =>
        mapping[key] is { } node ? StringList(node, PathText.Key(path, key)) : [];

    /// <summary>A single string or a list of strings (dns, tmpfs, profiles...).</summary>
    public IReadOnlyList<string> StringList(Node node, string path)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.IsNull ? [] : [scalar.Value];
        }

        return StrictStringList(node, path);
    }

    /// <summary>Only a list of strings; null items are dropped.</summary>
    public IReadOnlyList<string> StrictStringList(Node node, string path)
    {
        var sequence = Sequence(node, path);
        if (sequence is null)
        {
            return [];
        }

        var items = new List<string>(sequence.Items.Count);
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var item = String(sequence.Items[index], PathText.Index(path, index));
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>A <c>K=V</c> list or a mapping. <c>K</c> alone and a null map value give a null value.</summary>
    public SortedDictionary<string, string?> KeyValues(Node node, string path)
    {
        var result = new SortedDictionary<string, string?>(StringComparer.Ordinal);
        switch (node)
        {
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    result[entry.Key] = ScalarValue(entry.Value, PathText.Key(path, entry.Key));
                }

                break;
            case SequenceNode sequence:
                for (var index = 0; index < sequence.Items.Count; index++)
                {
                    var text = String(sequence.Items[index], PathText.Index(path, index));
                    if (text is null)
                    {
                        continue;
                    }

                    var separator = text.IndexOf('=', StringComparison.Ordinal);
                    if (separator == 0)
                    {
                        Error(sequence.Items[index], PathText.Index(path, index), $"\"{text}\" has no name before '='");
                        continue;
                    }

                    if (separator < 0)
                    {
                        result[text] = null;
                    }
                    else
                    {
                        result[text[..separator]] = text[(separator + 1)..];
                    }
                }

                break;
            default:
                if (!IsNull(node))
                {
                    Error(node, path, "must be a mapping or a list of KEY=VALUE strings");
                }

                break;
        }

        return result;
    }

    /// <summary>Like <see cref="KeyValues"/> but for labels, options and such, where a missing value means empty.</summary>
    public SortedDictionary<string, string> StringMap(Node node, string path)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in KeyValues(node, path))
        {
            result[key] = value ?? string.Empty;
        }

        return result;
    }

    /// <summary>The text of a scalar value of a map whose values may be strings, numbers or booleans.</summary>
    private string? ScalarValue(Node node, string path)
    {
        if (node is ScalarNode scalar)
        {
            return scalar.IsNull ? null : scalar.Value;
        }

        Error(node, path, "must be a string, a number or a boolean");
        return null;
    }

    /// <summary>Any value kept without a typed meaning (x-* keys, rarely used attributes).</summary>
    public static object? Generic(Node node)
    {
        switch (node)
        {
            case ScalarNode scalar when !scalar.IsPlain:
                return scalar.Value;
            case ScalarNode scalar when scalar.IsNull:
                return null;
            case ScalarNode scalar when ScalarText.TryParseBool(scalar.Value, out var flag):
                return flag;
            case ScalarNode scalar when ScalarText.TryParseLong(scalar.Value, out var whole):
                return whole;
            case ScalarNode scalar when ScalarText.TryParseDouble(scalar.Value, out var real):
                return real;
            case ScalarNode scalar:
                return scalar.Value;
            case SequenceNode sequence:
                return sequence.Items.Select(Generic).ToList();
            case MappingNode mapping:
                var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var entry in mapping.Entries)
                {
                    values[entry.Key] = Generic(entry.Value);
                }

                return values;
            default:
                return null;
        }
    }

    public static bool IsExtension(string key) => key.StartsWith("x-", StringComparison.Ordinal);

    /// <summary>Collects the x-* keys of a mapping.</summary>
    public static Extensions ExtensionsOf(MappingNode? mapping)
    {
        if (mapping is null)
        {
            return Extensions.Empty;
        }

        SortedDictionary<string, object?>? values = null;
        foreach (var entry in mapping.Entries.Where(entry => IsExtension(entry.Key)))
        {
            values ??= new SortedDictionary<string, object?>(StringComparer.Ordinal);
            values[entry.Key] = Generic(entry.Value);
        }

        return values is null ? Extensions.Empty : new Extensions(values);
    }

    /// <summary>Reports keys that an object does not know; x-* keys are always allowed.</summary>
    public void RejectUnknownKeys(MappingNode mapping, string path, IReadOnlySet<string> knownKeys)
    {
        foreach (var entry in mapping.Entries)
        {
            if (!knownKeys.Contains(entry.Key) && !IsExtension(entry.Key))
            {
                diagnostics.Error(entry.KeyMark, PathText.Key(path, entry.Key), "is not a known attribute here");
            }
        }
    }
}
