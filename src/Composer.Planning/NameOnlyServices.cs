using Composer.Model;
using Composer.Planning.Observed;

namespace Composer.Planning;

/// <summary>
/// A project known only by its name (<c>-p NAME</c> with no compose file) has no services to act on: its services are
/// read from the labels of the containers the engine holds for it, with the <c>depends_on</c> they were created with,
/// so that start, stop and the rest act on them in dependency order. With no such containers there is nothing a verb
/// could mean, and planning fails rather than succeed silently.
/// </summary>
internal static class NameOnlyServices
{
    public static bool IsNameOnly(Project project) => project.Services.Count == 0 && project.DisabledServices.Count == 0;

    public static Project Fill(Project project, ObservedState observed)
    {
        if (!IsNameOnly(project))
        {
            return project;
        }

        var containers = observed.Containers.Where(container => !container.IsOneOff && container.Service is not null).ToList();
        if (containers.Count == 0)
        {
            throw new PlanningException($"no containers found for project \"{project.Name}\" (and no compose file to read it from)");
        }

        var names = containers.Select(container => container.Service!).ToHashSet(StringComparer.Ordinal);
        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var group in containers.GroupBy(container => container.Service!, StringComparer.Ordinal))
        {
            var label = group.Select(container => container.Labels.GetValueOrDefault(ComposeLabels.DependsOn)).FirstOrDefault(value => !string.IsNullOrEmpty(value)) ?? "";
            var dependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal);
            foreach (var entry in label.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = entry.Split(':');
                if (names.Contains(parts[0]) && parts[0] != group.Key)
                {
                    dependsOn[parts[0]] = new ServiceDependency { Condition = parts.Length > 1 ? parts[1] : ServiceDependency.Started };
                }
            }

            services[group.Key] = new Service { Name = group.Key, DependsOn = dependsOn };
        }

        return project with { Services = services };
    }
}
