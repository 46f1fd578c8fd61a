using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>post_start</c>, <c>pre_stop</c> and <c>pre_start</c>: lists of hooks; a hook without a command is an error.</summary>
internal static class HooksBinder
{
    private static readonly HashSet<string> ExecKeys = ["command", "user", "privileged", "working_dir", "environment"];
    private static readonly HashSet<string> PreStartKeys = ["command", "user", "privileged", "working_dir", "environment", "image", "per_replica"];

    public static IReadOnlyList<ServiceHook> Bind(Node node, string path, BindReader reader, bool preStart = false) =>
        reader.MappingItems<ServiceHook>(node, path, "a hook mapping", (mapping, itemPath) => Hook(mapping, itemPath, reader, preStart));

    private static IEnumerable<ServiceHook> Hook(MappingNode mapping, string itemPath, BindReader reader, bool preStart)
    {
        reader.RejectUnknownKeys(mapping, itemPath, preStart ? PreStartKeys : ExecKeys);
        if (preStart && reader.BoolAt(mapping, "per_replica", itemPath) == true)
        {
            reader.Error(mapping["per_replica"]!, PathText.Key(itemPath, "per_replica"), "per_replica: true is not supported (the hooks run once per service)");
        }

        var commandPath = PathText.Key(itemPath, "command");
        var command = mapping["command"] is { } commandNode ? CommandBinder.Bind(commandNode, commandPath, reader) : null;
        if (command is null || command.Count == 0 || command.All(string.IsNullOrWhiteSpace))
        {
            reader.Error(mapping["command"] ?? mapping, commandPath, "a hook needs a command that is not empty");
            return [];
        }

        return [new ServiceHook
        {
            Command = command,
            User = reader.StringAt(mapping, "user", itemPath),
            Privileged = reader.BoolAt(mapping, "privileged", itemPath) ?? false,
            WorkingDir = reader.StringAt(mapping, "working_dir", itemPath),
            Environment = mapping["environment"] is { } environment
                ? reader.KeyValues(environment, PathText.Key(itemPath, "environment"))
                : new SortedDictionary<string, string?>(StringComparer.Ordinal),
            Image = preStart ? reader.StringAt(mapping, "image", itemPath) : null,
        }];
    }
}
