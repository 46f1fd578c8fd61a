using System.Text.Json;
using System.Text.Json.Nodes;

namespace Composer.Planning.Hashing;

/// <summary>
/// What differs between two canonical forms, as spec paths (<c>environment.API_URL</c>, <c>ports</c>,
/// <c>configs.greeting content</c>): the cause a recreate prints.
/// </summary>
public static class ConfigDiff
{
    private const int Shown = 3;

    /// <summary>"environment.API_URL changed", "image, ports and 2 more changed"; null when the forms are equal.</summary>
    public static string? Describe(string oldCanonical, string newCanonical)
    {
        JsonNode? before;
        JsonNode? after;
        try
        {
            before = JsonNode.Parse(oldCanonical);
            after = JsonNode.Parse(newCanonical);
        }
        catch (JsonException)
        {
            return null;
        }

        var paths = new List<string>();
        Compare(before, after, "", paths);
        if (paths.Count == 0)
        {
            return null;
        }

        var named = paths.Take(Shown).Select(Readable).ToList();
        var rest = paths.Count - named.Count;
        var list = rest > 0 ? string.Join(", ", named) + $" and {rest} more" : Join(named);
        return list + " changed";
    }

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    // config_sources.x.content_sha256 is how the hashed form holds a config's content.
    private static string Readable(string path)
    {
        foreach (var (hashed, spec) in new[] { ("config_sources.", "configs."), ("secret_sources.", "secrets.") })
        {
            if (path.StartsWith(hashed, StringComparison.Ordinal))
            {
                var rest = path[hashed.Length..];
                return spec + (rest.EndsWith(".content_sha256", StringComparison.Ordinal) ? rest[..^".content_sha256".Length] + " content" : rest);
            }
        }

        return path;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<string> paths)
    {
        if (before is JsonObject left && after is JsonObject right)
        {
            foreach (var key in left.Select(pair => pair.Key).Union(right.Select(pair => pair.Key)).Order(StringComparer.Ordinal))
            {
                Compare(left[key], right[key], path.Length == 0 ? key : path + "." + key, paths);
            }

            return;
        }

        if (!JsonNode.DeepEquals(before, after))
        {
            paths.Add(path.Length == 0 ? "configuration" : path);
        }
    }
}
