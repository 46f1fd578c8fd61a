using Composer.Loader.Tree;

namespace Composer.Loader.Merge;

/// <summary>
/// Brings the list forms of keyed attributes to their mapping forms so that two files can be merged key by key:
/// <c>["A=1", "B"]</c> becomes <c>{A: "1", B: null}</c>; <c>depends_on: [db]</c> becomes
/// <c>{db: {condition: service_started}}</c>; <c>networks: [front]</c> becomes <c>{front: null}</c>.
/// </summary>
internal static class SequenceToMapping
{
    public static Node KeyValues(Node node, string pattern)
    {
        if (node is not SequenceNode sequence)
        {
            return node;
        }

        var entries = new List<MappingEntry>();
        foreach (var item in sequence.Items)
        {
            if (item is not ScalarNode scalar)
            {
                return node;
            }

            var isExtraHosts = pattern.EndsWith("extra_hosts", StringComparison.Ordinal);
            var (key, value) = SplitKeyValue(scalar.Value, isExtraHosts);
            Node valueNode = value is null
                ? new ScalarNode(string.Empty, true, scalar.Mark)
                : new ScalarNode(value, false, scalar.Mark);
            var repeated = entries.FindIndex(candidate => candidate.Key == key);
            if (isExtraHosts && repeated >= 0)
            {
                // One host listed with several addresses keeps them all, as the mapping form's list value does.
                var addresses = entries[repeated].Value is SequenceNode existing ? existing.Items : [entries[repeated].Value];
                valueNode = new SequenceNode([.. addresses, valueNode], entries[repeated].Value.Mark);
            }

            Upsert(entries, new MappingEntry(key, scalar.Mark, valueNode));
        }

        return new MappingNode(entries, sequence.Mark, sequence.Tag);
    }

    public static Node Names(Node node, string pattern)
    {
        if (node is not SequenceNode sequence)
        {
            return node;
        }

        var entries = new List<MappingEntry>();
        foreach (var item in sequence.Items)
        {
            if (item is not ScalarNode scalar)
            {
                return node;
            }

            Node value = pattern.EndsWith("depends_on", StringComparison.Ordinal)
                ? new MappingNode([new MappingEntry("condition", scalar.Mark, new ScalarNode("service_started", true, scalar.Mark))], scalar.Mark)
                : new ScalarNode(string.Empty, true, scalar.Mark);
            Upsert(entries, new MappingEntry(scalar.Value, scalar.Mark, value));
        }

        return new MappingNode(entries, sequence.Mark, sequence.Tag);
    }

    private static (string Key, string? Value) SplitKeyValue(string text, bool colonSeparates)
    {
        var separator = text.IndexOf('=');
        if (separator < 0 && colonSeparates)
        {
            separator = text.IndexOf(':');
        }

        return separator < 0 ? (text, null) : (text[..separator], text[(separator + 1)..]);
    }

    private static void Upsert(List<MappingEntry> entries, MappingEntry entry)
    {
        var existing = entries.FindIndex(candidate => candidate.Key == entry.Key);
        if (existing >= 0)
        {
            entries[existing] = entry;
        }
        else
        {
            entries.Add(entry);
        }
    }
}
