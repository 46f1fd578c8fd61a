using Composer.Model;

namespace Composer.Loader.Normalization;

/// <summary>
/// <c>links</c>, <c>volumes_from</c> and <c>service:x</c> in <c>network_mode</c>, <c>ipc</c>, <c>pid</c>, <c>uts</c> or
/// <c>cgroup</c> all need the other service's container to exist first (<see cref="ServiceReferences"/>), so they
/// become <c>depends_on</c> entries (service_started, required) where the file did not already say how to wait.
/// Everything that follows (ordering, `up web` starting what web needs, profiles, cycle checks) then sees
/// one kind of dependency.
/// </summary>
internal static class ImplicitDependencies
{
    public static Project Apply(Project project)
    {
        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        var changed = false;
        foreach (var (name, service) in project.Services)
        {
            // Unknown names are left to the consistency check, which reports them against the attribute that named them.
            var implied = Implied(service)
                .Where(other => other != name && project.Services.ContainsKey(other) && !service.DependsOn.ContainsKey(other)).Distinct(StringComparer.Ordinal).ToList();
            if (implied.Count == 0)
            {
                services[name] = service;
                continue;
            }

            var dependsOn = new SortedDictionary<string, ServiceDependency>(service.DependsOn.ToDictionary(), StringComparer.Ordinal);
            foreach (var other in implied)
            {
                dependsOn[other] = new ServiceDependency();
            }

            services[name] = service with { DependsOn = dependsOn };
            changed = true;
        }

        return changed ? project with { Services = services } : project;
    }

    private static IEnumerable<string> Implied(Service service) =>
        service.References().Where(reference => reference.Implied).Select(reference => reference.Service);
}
