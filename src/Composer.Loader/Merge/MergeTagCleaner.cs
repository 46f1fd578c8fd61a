using Composer.Loader.Tree;

namespace Composer.Loader.Merge;

/// <summary>
/// Runs once every file and extension is merged: drops attributes still marked <c>!reset</c> and strips
/// <c>!override</c>, so later stages see plain values.
/// </summary>
internal static class MergeTagCleaner
{
    public static MappingNode Clean(MappingNode root) => (MappingNode)Visit(root);

    private static Node Visit(Node node) => node switch
    {
        MappingNode mapping => new MappingNode(
            mapping.Entries
                .Where(entry => entry.Value.Tag != TreeMerger.ResetTag)
                .Select(entry => entry with { Value = Visit(entry.Value) })
                .ToArray(),
            mapping.Mark,
            StripMergeTag(mapping.Tag)),
        SequenceNode sequence => new SequenceNode(
            sequence.Items.Where(item => item.Tag != TreeMerger.ResetTag).Select(Visit).ToArray(),
            sequence.Mark,
            StripMergeTag(sequence.Tag)),
        ScalarNode scalar when scalar.Tag is TreeMerger.OverrideTag => scalar.WithTag(null),
        _ => node,
    };

    private static string? StripMergeTag(string? tag) => tag is TreeMerger.OverrideTag or TreeMerger.ResetTag ? null : tag;
}
