namespace Composer.Loader.Tree;

/// <summary>Compares trees by content only: marks differ between files that say the same thing.</summary>
public static class NodeEquality
{
    public static bool AreEqual(Node? left, Node? right) => (left, right) switch
    {
        (null, null) => true,
        (ScalarNode a, ScalarNode b) => a.Value == b.Value && (a.IsNull == b.IsNull) && a.Tag == b.Tag,
        (SequenceNode a, SequenceNode b) => a.Tag == b.Tag && a.Items.Count == b.Items.Count
            && a.Items.Zip(b.Items).All(pair => AreEqual(pair.First, pair.Second)),
        (MappingNode a, MappingNode b) => a.Tag == b.Tag && a.Entries.Count == b.Entries.Count
            && a.Entries.All(entry => b.ContainsKey(entry.Key) && AreEqual(entry.Value, b[entry.Key])),
        _ => false,
    };
}
