using Composer.Loader.Tree;

namespace Composer.Loader.Paths;

/// <summary>
/// Makes the relative paths of a service or project tree absolute against the folder that declared them. Needed when
/// a definition is used from another folder (an included project, a service extended from another file): those
/// paths must keep pointing where their author meant. Paths the main project declares are left to the binder.
/// </summary>
internal static class RelativePathResolver
{
    /// <summary>Resolves the paths of every service, and of top-level secrets and configs, of a project tree.</summary>
    public static MappingNode ResolveProject(MappingNode root, string baseDirectory)
    {
        return MapEntries(root, entry => entry.Key switch
        {
            "services" => MapChildren(entry.Value, service => ResolveService(service, baseDirectory)),
            "secrets" or "configs" => MapChildren(entry.Value, definition => ResolveKeys(definition, baseDirectory, "file")),
            _ => entry.Value,
        });
    }

    public static Node ResolveService(Node service, string baseDirectory)
    {
        if (service is not MappingNode mapping)
        {
            return service;
        }

        return MapEntries(mapping, entry => entry.Key switch
        {
            "build" => ResolveBuild(entry.Value, baseDirectory),
            "env_file" => ResolveEnvFiles(entry.Value, baseDirectory),
            "label_file" => MapScalars(entry.Value, scalar => Absolute(scalar, baseDirectory)),
            "volumes" => MapItems(entry.Value, volume => ResolveVolume(volume, baseDirectory)),
            "extends" => ResolveKeys(entry.Value, baseDirectory, "file"),
            _ => entry.Value,
        });
    }

    private static Node ResolveBuild(Node build, string baseDirectory) => build switch
    {
        ScalarNode scalar => RemoteOrAbsolute(scalar, baseDirectory),
        MappingNode mapping when mapping.ContainsKey("context") => MapEntries(mapping, entry => entry.Key == "context" && entry.Value is ScalarNode context
            ? RemoteOrAbsolute(context, baseDirectory)
            : entry.Value),

        // Without a context the build runs in the declaring project's folder, which the binder could no longer tell.
        MappingNode mapping => new MappingNode(
            [.. mapping.Entries, new MappingEntry("context", mapping.Mark, new ScalarNode(baseDirectory, false, mapping.Mark))],
            mapping.Mark,
            mapping.Tag),
        _ => build,
    };

    private static Node ResolveEnvFiles(Node envFiles, string baseDirectory) => envFiles switch
    {
        ScalarNode scalar => Absolute(scalar, baseDirectory),
        SequenceNode => MapItems(envFiles, item => item switch
        {
            ScalarNode scalar => Absolute(scalar, baseDirectory),
            MappingNode => ResolveKeys(item, baseDirectory, "path"),
            _ => item,
        }),
        _ => envFiles,
    };

    /// <summary>Bind mounts only: a short source starting with <c>.</c> is a path, anything else is a volume name.</summary>
    private static Node ResolveVolume(Node volume, string baseDirectory)
    {
        switch (volume)
        {
            case ScalarNode scalar when scalar.Value.StartsWith('.'):
            {
                var colon = scalar.Value.IndexOf(':');
                var source = colon < 0 ? scalar.Value : scalar.Value[..colon];
                var rest = colon < 0 ? string.Empty : scalar.Value[colon..];
                return scalar.WithValue(FullPath(source, baseDirectory) + rest);
            }

            case MappingNode mapping when mapping["type"] is ScalarNode { Value: "bind" }:
                return ResolveKeys(mapping, baseDirectory, "source");
            default:
                return volume;
        }
    }

    private static Node ResolveKeys(Node node, string baseDirectory, string key) =>
        node is MappingNode mapping
            ? MapEntries(mapping, entry => entry.Key == key && entry.Value is ScalarNode scalar ? Absolute(scalar, baseDirectory) : entry.Value)
            : node;

    private static ScalarNode RemoteOrAbsolute(ScalarNode scalar, string baseDirectory) =>
        RemoteReference.IsRemote(scalar.Value) ? scalar : Absolute(scalar, baseDirectory);

    private static ScalarNode Absolute(ScalarNode scalar, string baseDirectory)
    {
        if (scalar.IsNull || scalar.Value.Length == 0 || Path.IsPathRooted(scalar.Value) || scalar.Value.StartsWith('~'))
        {
            return scalar;
        }

        return scalar.WithValue(FullPath(scalar.Value, baseDirectory));
    }

    private static string FullPath(string path, string baseDirectory) =>
        Path.TrimEndingDirectorySeparator(Path.GetFullPath(path, baseDirectory));

    private static MappingNode MapEntries(MappingNode mapping, Func<MappingEntry, Node> map) =>
        new(mapping.Entries.Select(entry => entry with { Value = map(entry) }).ToArray(), mapping.Mark, mapping.Tag);

    private static Node MapChildren(Node node, Func<Node, Node> map) =>
        node is MappingNode mapping ? MapEntries(mapping, entry => map(entry.Value)) : node;

    private static Node MapItems(Node node, Func<Node, Node> map) =>
        node is SequenceNode sequence ? new SequenceNode(sequence.Items.Select(map).ToArray(), sequence.Mark, sequence.Tag) : node;

    private static Node MapScalars(Node node, Func<ScalarNode, Node> map) => node switch
    {
        ScalarNode scalar => map(scalar),
        SequenceNode => MapItems(node, item => item is ScalarNode scalar ? map(scalar) : item),
        _ => node,
    };
}
