using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.build</c>: a string is the context; the context becomes absolute unless it is a URL.</summary>
internal static class BuildBinder
{
    private static readonly HashSet<string> TypedKeys =
    [
        "context", "dockerfile", "dockerfile_inline", "args", "target", "labels", "network", "extra_hosts", "shm_size",
        "tags", "no_cache", "pull", "cache_from", "cache_to", "platforms", "isolation", "privileged",
    ];

    public static BuildConfig? Bind(Node node, string path, BindReader reader)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            return new BuildConfig { Context = Context(scalar.Value, reader) };
        }

        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        var other = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var entry in mapping.Entries.Where(entry => !TypedKeys.Contains(entry.Key) && !BindReader.IsExtension(entry.Key)))
        {
            other[entry.Key] = BindReader.Generic(entry.Value);
        }

        return new BuildConfig
        {
            Context = Context(reader.StringAt(mapping, "context", path) ?? ".", reader),
            Dockerfile = reader.StringAt(mapping, "dockerfile", path),
            DockerfileInline = reader.StringAt(mapping, "dockerfile_inline", path),
            Args = mapping["args"] is { } args
                ? reader.KeyValues(args, PathText.Key(path, "args"))
                : new SortedDictionary<string, string?>(StringComparer.Ordinal),
            Target = reader.StringAt(mapping, "target", path),
            Labels = reader.StringMapAt(mapping, "labels", path),
            Network = reader.StringAt(mapping, "network", path),
            ExtraHosts = mapping["extra_hosts"] is { } hosts ? ExtraHostsBinder.Bind(hosts, PathText.Key(path, "extra_hosts"), reader) : [],
            ShmSize = reader.ByteSizeAt(mapping, "shm_size", path),
            Tags = reader.StringListAt(mapping, "tags", path),
            NoCache = reader.BoolAt(mapping, "no_cache", path),
            Pull = reader.BoolAt(mapping, "pull", path),
            CacheFrom = reader.StringListAt(mapping, "cache_from", path),
            CacheTo = reader.StringListAt(mapping, "cache_to", path),
            Platforms = reader.StringListAt(mapping, "platforms", path),
            Isolation = reader.StringAt(mapping, "isolation", path),
            Privileged = reader.BoolAt(mapping, "privileged", path),
            Other = other.Count == 0 ? Extensions.Empty : new Extensions(other),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }

    private static string Context(string context, BindReader reader) =>
        HostPath.IsRemote(context) ? context : HostPath.Resolve(context, reader.Context);
}
