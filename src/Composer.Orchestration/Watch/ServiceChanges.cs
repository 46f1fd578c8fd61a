using Composer.Model;

namespace Composer.Orchestration.Watch;

/// <summary>What one batch of changes asks of one service, in the order it is done: rebuild, sync, restart, exec.</summary>
internal sealed class ServiceChanges(string service)
{
    public string Service { get; } = service;

    public bool Rebuild { get; set; }

    public List<SyncMapping> Sync { get; } = [];

    public bool Restart { get; set; }

    /// <summary>The sync+exec hooks to run, each once however many of its files changed.</summary>
    public List<ServiceHook> Execs { get; } = [];

    /// <summary>Groups a batch of changed paths by service and action; paths no rule accepts are dropped.</summary>
    public static IReadOnlyList<ServiceChanges> Of(IReadOnlyList<string> paths, IReadOnlyList<WatchedService> services)
    {
        var result = new List<ServiceChanges>();
        foreach (var service in services)
        {
            var changes = new ServiceChanges(service.Name);
            foreach (var filter in service.Rules)
            {
                var accepted = paths.Where(filter.Accepts).ToList();
                if (accepted.Count == 0)
                {
                    continue;
                }

                var rule = filter.Rule;
                changes.Rebuild |= rule.Action == WatchRule.Rebuild;
                changes.Restart |= rule.Action is WatchRule.Restart or WatchRule.SyncRestart;
                if (rule.Syncs)
                {
                    changes.Sync.AddRange(accepted.Select(path => new SyncMapping(path, filter.ContainerPath(path), filter)));
                }

                if (rule.Action == WatchRule.SyncExec && rule.Exec is { } exec && !changes.Execs.Contains(exec))
                {
                    changes.Execs.Add(exec);
                }
            }

            if (changes.Rebuild || changes.Restart || changes.Sync.Count > 0 || changes.Execs.Count > 0)
            {
                result.Add(changes);
            }
        }

        return result;
    }
}
