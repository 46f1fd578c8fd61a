using Composer.Model;

namespace Composer.Engine.Validation;

/// <summary>
/// The parts of <c>deploy</c> that mean something only to a Swarm: one warning each, so that a file written for a
/// cluster runs on one engine without the user believing those settings took effect.
/// </summary>
public static class DeployWarnings
{
    private static readonly Dictionary<string, string> SwarmOnlyKeys = new(StringComparer.Ordinal)
    {
        ["placement"] = "places tasks on swarm nodes",
        ["update_config"] = "drives swarm rolling updates",
        ["rollback_config"] = "drives swarm rollbacks",
        ["endpoint_mode"] = "chooses a swarm service's VIP or DNS round robin",
    };

    public static IReadOnlyList<string> For(Project project, IEnumerable<string>? services = null)
    {
        var selected = services?.ToHashSet(StringComparer.Ordinal);
        var warnings = new List<string>();
        foreach (var service in project.Services.Values.Where(service => selected is null || selected.Contains(service.Name)))
        {
            if (service.Deploy is not { } deploy)
            {
                continue;
            }

            void Warn(string key, string why) =>
                warnings.Add($"service \"{service.Name}\": deploy.{key} {why} and is ignored on a single engine");

            foreach (var key in deploy.Other.Values.Keys.Where(SwarmOnlyKeys.ContainsKey))
            {
                Warn(key, SwarmOnlyKeys[key]);
            }

            if (deploy.Other.Values.TryGetValue("resources", out var resources) && resources is IReadOnlyDictionary<string, object?> untyped)
            {
                foreach (var (group, value) in untyped)
                {
                    var keys = value as IReadOnlyDictionary<string, object?>;
                    foreach (var key in keys?.Keys ?? [group])
                    {
                        Warn(keys is null ? $"resources.{group}" : $"resources.{group}.{key}", "is a swarm scheduling setting");
                    }
                }
            }

            if (deploy.Mode is { } mode && mode != "replicated")
            {
                Warn($"mode {mode}", "schedules tasks per swarm node (one engine runs the service's replicas)");
            }

            if (deploy.Labels.Count > 0)
            {
                Warn("labels", "labels the swarm service, not its containers (use labels)");
            }

            if (deploy.Reservations?.Cpus is not null)
            {
                Warn("resources.reservations.cpus", "is a swarm scheduling setting");
            }

            if (deploy.RestartPolicy is { } policy)
            {
                if (service.Restart is not null)
                {
                    Warn("restart_policy", "is overridden by restart");
                }
                else
                {
                    if (policy.Delay is not null)
                    {
                        Warn("restart_policy.delay", "has no engine restart policy equivalent");
                    }

                    if (policy.Window is not null)
                    {
                        Warn("restart_policy.window", "has no engine restart policy equivalent");
                    }
                }
            }
        }

        return warnings;
    }
}
