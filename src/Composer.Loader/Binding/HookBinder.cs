using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>A hook (the exec of <c>sync+exec</c>, post_start, pre_stop): a command run in the container, with its user and environment.</summary>
internal static class HookBinder
{
    private static readonly HashSet<string> Keys = ["command", "user", "privileged", "working_dir", "environment"];

    public static ServiceHook? Bind(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, Keys);
        var command = mapping["command"] is { } commandNode ? CommandBinder.Bind(commandNode, PathText.Key(path, "command"), reader) : null;
        if (command is not { Count: > 0 })
        {
            reader.Error(mapping["command"] ?? mapping, PathText.Key(path, "command"), "is required and must not be empty");
        }

        return new ServiceHook
        {
            Command = command ?? [],
            User = reader.StringAt(mapping, "user", path),
            Privileged = reader.BoolAt(mapping, "privileged", path) ?? false,
            WorkingDir = reader.StringAt(mapping, "working_dir", path),
            Environment = mapping["environment"] is { } environment ? reader.KeyValues(environment, PathText.Key(path, "environment")) : new SortedDictionary<string, string?>(StringComparer.Ordinal),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }
}
