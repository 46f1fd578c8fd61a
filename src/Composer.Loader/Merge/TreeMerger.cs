using Composer.Loader.Tree;

namespace Composer.Loader.Merge;

/// <summary>
/// Merges a later compose file (or an extending service) over an earlier one with the Compose Specification's merge
/// rules: mappings merge, later scalars win, sequences append (skipping identical items), and the per-attribute exceptions of
/// <see cref="MergeRules"/>. <c>!reset</c> on the later value removes the attribute; <c>!override</c> replaces it whole.
/// </summary>
internal static class TreeMerger
{
    public const string ResetTag = "!reset";
    public const string OverrideTag = "!override";

    public static MappingNode Merge(MappingNode earlier, MappingNode later) => MergeMapping(earlier, later, string.Empty);

    /// <summary>Merges one service definition over another (for <c>extends</c>): same rules as under <c>services.*</c>.</summary>
    public static MappingNode MergeService(MappingNode baseService, MappingNode extendingService) =>
        MergeMapping(baseService, extendingService, "services.*");

    private static MappingNode MergeMapping(MappingNode earlier, MappingNode later, string pattern)
    {
        var entries = new List<MappingEntry>(earlier.Entries);
        foreach (var laterEntry in later.Entries)
        {
            var index = entries.FindIndex(entry => entry.Key == laterEntry.Key);
            if (laterEntry.Value.Tag == ResetTag)
            {
                if (index >= 0)
                {
                    entries.RemoveAt(index);
                }

                // Keep the reset marker when nothing was there yet: a file merged later must not bring it back
                // either, and the final cleanup drops it.
                if (index < 0)
                {
                    entries.Add(laterEntry);
                }

                continue;
            }

            if (index < 0)
            {
                entries.Add(laterEntry);
                continue;
            }

            // Extensions are opaque to compose: a later x-* value replaces the earlier one whole.
            if (laterEntry.Key.StartsWith("x-", StringComparison.Ordinal))
            {
                entries[index] = laterEntry;
                continue;
            }

            var childPattern = MergeRules.ChildPattern(pattern, laterEntry.Key);
            var merged = MergeValues(entries[index].Value, laterEntry.Value, childPattern);
            entries[index] = laterEntry with { Value = merged };
        }

        return new MappingNode(entries, earlier.Mark, earlier.Tag);
    }

    private static Node MergeValues(Node earlier, Node later, string pattern)
    {
        if (later.Tag == OverrideTag || earlier.Tag == ResetTag)
        {
            return later;
        }

        // An empty later value (`front:` under networks) adds nothing; it must not wipe a definition.
        if (later is ScalarNode { IsNull: true, Tag: null } && earlier is MappingNode or SequenceNode)
        {
            return earlier;
        }

        var strategy = MergeRules.StrategyFor(pattern);
        switch (strategy)
        {
            case MergeStrategy.Replace:
                return later;
            case MergeStrategy.KeyValueMapping:
                return MergeAsMappings(SequenceToMapping.KeyValues(earlier, pattern), SequenceToMapping.KeyValues(later, pattern), pattern);
            case MergeStrategy.NameMapping:
                return MergeAsMappings(SequenceToMapping.Names(earlier, pattern), SequenceToMapping.Names(later, pattern), pattern);
            case MergeStrategy.AppendUnique:
                return AppendUnique(AsSequence(earlier), AsSequence(later));
            case MergeStrategy.KeyedSequence:
                return MergeKeyed(AsSequence(earlier), AsSequence(later), pattern);
        }

        if (pattern == "services.*.logging" && DifferentLoggingDrivers(earlier, later))
        {
            // Options of one logging driver mean nothing to another.
            return later;
        }

        if (pattern == "services.*.build")
        {
            earlier = BuildAsMapping(earlier);
            later = BuildAsMapping(later);
        }

        return (earlier, later) switch
        {
            (MappingNode earlierMapping, MappingNode laterMapping) => MergeMapping(earlierMapping, laterMapping, pattern),
            // An item identical to one already there adds nothing; dropping it keeps merging idempotent.
            (SequenceNode, SequenceNode) => AppendUnique(earlier, later),
            _ => later,
        };
    }

    private static Node MergeAsMappings(Node earlier, Node later, string pattern) =>
        earlier is MappingNode earlierMapping && later is MappingNode laterMapping
            ? MergeMapping(earlierMapping, laterMapping, pattern)
            : later;

    private static Node AsSequence(Node node) =>
        node is ScalarNode { IsNull: false } scalar ? new SequenceNode([scalar], scalar.Mark, scalar.Tag) : node;

    private static Node AppendUnique(Node earlier, Node later)
    {
        if (earlier is not SequenceNode earlierSequence || later is not SequenceNode laterSequence)
        {
            return later;
        }

        var items = new List<Node>(earlierSequence.Items);
        foreach (var item in laterSequence.Items)
        {
            if (!items.Exists(existing => NodeEquality.AreEqual(existing, item)))
            {
                items.Add(item);
            }
        }

        return new SequenceNode(items, earlierSequence.Mark, earlierSequence.Tag);
    }

    private static Node MergeKeyed(Node earlier, Node later, string pattern)
    {
        if (earlier is not SequenceNode earlierSequence || later is not SequenceNode laterSequence)
        {
            return later;
        }

        var items = new List<Node>(earlierSequence.Items);
        foreach (var item in laterSequence.Items)
        {
            var key = SequenceItemKeys.KeyOf(pattern, item);
            var index = key is null
                ? items.FindIndex(existing => NodeEquality.AreEqual(existing, item))
                : items.FindIndex(existing => SequenceItemKeys.KeyOf(pattern, existing) == key);
            if (index >= 0)
            {
                items[index] = item;
            }
            else
            {
                items.Add(item);
            }
        }

        return new SequenceNode(items, earlierSequence.Mark, earlierSequence.Tag);
    }

    private static bool DifferentLoggingDrivers(Node earlier, Node later) =>
        earlier is MappingNode { } earlierMapping && later is MappingNode { } laterMapping
        && earlierMapping["driver"] is ScalarNode earlierDriver && laterMapping["driver"] is ScalarNode laterDriver
        && earlierDriver.Value != laterDriver.Value;

    /// <summary><c>build: ./dir</c> is short for <c>build: {context: ./dir}</c>; merging needs the long form.</summary>
    private static Node BuildAsMapping(Node build) =>
        build is ScalarNode { IsNull: false } scalar
            ? new MappingNode([new MappingEntry("context", scalar.Mark, scalar)], scalar.Mark)
            : build;
}
