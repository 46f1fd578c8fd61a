using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// <c>services.*.develop</c>: the watch rules, with paths made absolute. A rule that could never work (a sync without
/// a target, a sync+exec without a command, an action nobody knows) is an error here, before anything starts; whether
/// the path exists is the consistency stage's question.
/// </summary>
internal static class DevelopBinder
{
    private static readonly HashSet<string> Keys = ["watch"];
    private static readonly HashSet<string> RuleKeys = ["path", "action", "target", "ignore", "include", "initial_sync", "exec"];
    private static readonly HashSet<string> Actions = [WatchRule.Sync, WatchRule.Rebuild, WatchRule.SyncRestart, WatchRule.SyncExec, WatchRule.Restart];

    public static Develop? Bind(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, Keys);
        var rules = new List<WatchRule>();
        var watchPath = PathText.Key(path, "watch");
        if (mapping["watch"] is { } watchNode && reader.Sequence(watchNode, watchPath) is { } sequence)
        {
            for (var index = 0; index < sequence.Items.Count; index++)
            {
                var itemPath = PathText.Index(watchPath, index);
                if (reader.Mapping(sequence.Items[index], itemPath) is { } item && Rule(item, itemPath, reader) is { } rule)
                {
                    rules.Add(rule);
                }
            }
        }

        return new Develop { Watch = rules, Extensions = BindReader.ExtensionsOf(mapping) };
    }

    private static WatchRule? Rule(MappingNode mapping, string path, BindReader reader)
    {
        reader.RejectUnknownKeys(mapping, path, RuleKeys);
        var hostPath = reader.RequiredStringAt(mapping, "path", path);
        var action = reader.RequiredStringAt(mapping, "action", path);
        if (hostPath is null || action is null)
        {
            return null;
        }

        if (!Actions.Contains(action))
        {
            reader.Error(mapping["action"]!, PathText.Key(path, "action"), $"\"{action}\" is not a watch action (sync, rebuild, sync+restart, sync+exec, restart)");
            return null;
        }

        var rule = new WatchRule
        {
            Path = HostPath.Resolve(hostPath, reader.Context),
            Action = action,
            Target = reader.StringAt(mapping, "target", path),
            Ignore = reader.StringListAt(mapping, "ignore", path),
            Include = reader.StringListAt(mapping, "include", path),
            InitialSync = reader.BoolAt(mapping, "initial_sync", path) ?? false,
            Exec = mapping["exec"] is { } exec ? HookBinder.Bind(exec, PathText.Key(path, "exec"), reader) : null,
            Extensions = BindReader.ExtensionsOf(mapping),
        };
        if (rule.Syncs && string.IsNullOrEmpty(rule.Target))
        {
            reader.Error(mapping["action"]!, PathText.Key(path, "target"), $"is required by action {action}: the container path the files are copied to");
        }

        if (action == WatchRule.SyncExec && mapping["exec"] is null)
        {
            reader.Error(mapping["action"]!, PathText.Key(path, "exec"), "is required by action sync+exec: the command to run after syncing (exec.command)");
        }

        return rule;
    }
}
