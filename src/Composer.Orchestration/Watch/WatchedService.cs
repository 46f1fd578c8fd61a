using Composer.Model;

namespace Composer.Orchestration.Watch;

/// <summary>A service with watch rules, each rule with the filter that decides which changes it acts on.</summary>
internal sealed record WatchedService(string Name, IReadOnlyList<WatchPathFilter> Rules)
{
    /// <summary>
    /// The services of <paramref name="selected"/> (all when empty) that have watch rules. Sync rules on a path the
    /// service also bind-mounts are left out, with a warning, as docker compose does: the container already sees the
    /// host's files there.
    /// </summary>
    public static IReadOnlyList<WatchedService> From(Project project, IReadOnlyCollection<string> selected, Action<string> warn)
    {
        var services = new List<WatchedService>();
        foreach (var service in project.Services.Values.Where(service => selected.Count == 0 || selected.Contains(service.Name)))
        {
            var rules = new List<WatchPathFilter>();
            foreach (var rule in service.Develop?.Watch ?? [])
            {
                if (rule.Syncs && BindMountSource(service, rule.Path) is { } source)
                {
                    warn($"{service.Name}: {rule.Path} is also bind-mounted from {source}; the {rule.Action} rule is not watched");
                    continue;
                }

                rules.Add(new WatchPathFilter(rule, service.Build));
            }

            if (rules.Count > 0)
            {
                services.Add(new WatchedService(service.Name, rules));
            }
        }

        return services;
    }

    private static string? BindMountSource(Service service, string path) =>
        service.Volumes
            .Where(volume => volume.Type == "bind" && volume.Source is { Length: > 0 })
            .Select(volume => volume.Source!.TrimEnd('/'))
            .FirstOrDefault(source => path == source || path.StartsWith(source + "/", StringComparison.Ordinal));
}
