using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// Hooks: a command run for the service with its user, privileges, working folder and environment. Lists of them are
/// <c>post_start</c>, <c>pre_stop</c> and <c>pre_start</c> (which may also name an <c>image</c>); one alone is the
/// <c>exec</c> of a <c>sync+exec</c> watch rule. Every kind is read here, so a hook without a command is the same
/// located error wherever it is written.
/// </summary>
internal static class HookBinder
{
    private static readonly HashSet<string> ExecKeys = ["command", "user", "privileged", "working_dir", "environment"];
    private static readonly HashSet<string> PreStartKeys = [.. ExecKeys, "image", "per_replica"];

    /// <summary>A list of hooks (<c>post_start</c>, <c>pre_stop</c>, or with <paramref name="preStart"/> <c>pre_start</c>).</summary>
    public static IReadOnlyList<ServiceHook> BindList(Node node, string path, BindReader reader, bool preStart = false) =>
        reader.MappingItems<ServiceHook>(node, path, "a hook mapping", (mapping, itemPath) => Hook(mapping, itemPath, reader, preStart) is { } hook ? [hook] : []);

    /// <summary>One hook run in the container (the <c>exec</c> of a sync+exec rule); null when it is not a mapping or has no command.</summary>
    public static ServiceHook? Bind(Node node, string path, BindReader reader) =>
        reader.Mapping(node, path) is { } mapping ? Hook(mapping, path, reader, preStart: false) : null;

    private static ServiceHook? Hook(MappingNode mapping, string path, BindReader reader, bool preStart)
    {
        reader.RejectUnknownKeys(mapping, path, preStart ? PreStartKeys : ExecKeys);
        if (preStart && reader.BoolAt(mapping, "per_replica", path) == true)
        {
            reader.Error(mapping["per_replica"]!, PathText.Key(path, "per_replica"), "per_replica: true is not supported (the hooks run once per service)");
        }

        var commandPath = PathText.Key(path, "command");
        var command = mapping["command"] is { } commandNode ? CommandBinder.Bind(commandNode, commandPath, reader) : null;
        if (command is null || command.Count == 0 || command.All(string.IsNullOrWhiteSpace))
        {
            reader.Error(mapping["command"] ?? mapping, commandPath, "a hook needs a command that is not empty");
            return null;
        }

        return new ServiceHook
        {
            Command = command,
            User = reader.StringAt(mapping, "user", path),
            Privileged = reader.BoolAt(mapping, "privileged", path) ?? false,
            WorkingDir = reader.StringAt(mapping, "working_dir", path),
            Environment = mapping["environment"] is { } environment
                ? reader.KeyValues(environment, PathText.Key(path, "environment"))
                : new SortedDictionary<string, string?>(StringComparer.Ordinal),
            Image = preStart ? reader.StringAt(mapping, "image", path) : null,
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }
}
