using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.ulimits</c>: a single number sets soft and hard alike; otherwise {soft, hard}.</summary>
internal static class UlimitsBinder
{
    private static readonly HashSet<string> LongKeys = ["soft", "hard"];

    public static IReadOnlyDictionary<string, Ulimit> Bind(Node node, string path, BindReader reader)
    {
        var ulimits = new SortedDictionary<string, Ulimit>(StringComparer.Ordinal);
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return ulimits;
        }

        foreach (var entry in mapping.Entries)
        {
            var entryPath = PathText.Key(path, entry.Key);
            if (entry.Value is MappingNode limits)
            {
                reader.RejectUnknownKeys(limits, entryPath, LongKeys);
                var soft = reader.LongAt(limits, "soft", entryPath);
                var hard = reader.LongAt(limits, "hard", entryPath);
                if (soft is null || hard is null)
                {
                    reader.Error(limits, entryPath, "needs both soft and hard");
                    continue;
                }

                ulimits[entry.Key] = new Ulimit(soft.Value, hard.Value);
            }
            else if (reader.Long(entry.Value, entryPath) is { } both)
            {
                ulimits[entry.Key] = new Ulimit(both, both);
            }
        }

        return ulimits;
    }
}
