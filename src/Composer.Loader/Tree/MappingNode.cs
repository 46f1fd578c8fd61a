namespace Composer.Loader.Tree;

/// <summary>A mapping that keeps its keys in written order (merge keys already resolved).</summary>
public sealed class MappingNode : Node
{
    private readonly Dictionary<string, int> _indexByKey;

    public MappingNode(IReadOnlyList<MappingEntry> entries, Mark mark, string? tag = null)
        : base(mark, tag)
    {
        Entries = entries;
        _indexByKey = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (var index = 0; index < entries.Count; index++)
        {
            _indexByKey[entries[index].Key] = index;
        }
    }

    public IReadOnlyList<MappingEntry> Entries { get; }

    public Node? this[string key] => _indexByKey.TryGetValue(key, out var index) ? Entries[index].Value : null;

    public MappingEntry? Entry(string key) => _indexByKey.TryGetValue(key, out var index) ? Entries[index] : null;

    public bool ContainsKey(string key) => _indexByKey.ContainsKey(key);

    public override Node WithTag(string? tag) => new MappingNode(Entries, Mark, tag);
}
