using System.Text.Json.Nodes;
using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;

namespace Composer.Planning;

/// <summary>
/// Finds the volumes whose definition changed, as docker compose does: the config-hash label the volume was created
/// with differs from the hash of its definition now. A volume without that label (made by hand or by an older
/// Composer) is adopted as it is, never reported.
/// </summary>
public static class VolumeChanges
{
    // Labels the tools put on a volume themselves; the rest are the file's `labels`.
    private static readonly string[] ToolLabelPrefixes = ["com.docker.compose.", "org.composer."];

    /// <summary>The changed volumes among those up would create (<paramref name="keys"/>), in key order.</summary>
    public static IReadOnlyList<VolumeChange> Find(Project project, ObservedState observed, IEnumerable<string> keys)
    {
        var changes = new List<VolumeChange>();
        foreach (var key in keys.Order(StringComparer.Ordinal))
        {
            if (project.Volumes.TryGetValue(key, out var volume) && !volume.External
                && observed.VolumeNamed(volume.Name) is { ConfigHash: { } hash } existing
                && hash != VolumeConfigHash.Compute(volume))
            {
                changes.Add(new VolumeChange(key, volume.Name, Describe(volume, existing)));
            }
        }

        return changes;
    }

    /// <summary>What differs between the definition and the volume the engine has: "driver_opts.size changed".</summary>
    public static string Describe(Volume desired, ObservedVolume existing)
    {
        var before = Form(existing.Driver, existing.Options,
            existing.Labels.Where(label => !ToolLabelPrefixes.Any(prefix => label.Key.StartsWith(prefix, StringComparison.Ordinal))));
        var after = Form(string.IsNullOrEmpty(desired.Driver) ? "local" : desired.Driver, desired.DriverOpts, desired.Labels);
        return ConfigDiff.Describe(before, after) ?? "configuration changed";
    }

    private static string Form(string driver, IEnumerable<KeyValuePair<string, string>> options, IEnumerable<KeyValuePair<string, string>> labels)
    {
        static JsonObject Map(IEnumerable<KeyValuePair<string, string>> pairs)
        {
            var map = new JsonObject();
            foreach (var (key, value) in pairs.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                map[key] = value;
            }

            return map;
        }

        return new JsonObject { ["driver"] = driver, ["driver_opts"] = Map(options), ["labels"] = Map(labels) }.ToJsonString();
    }
}
