using Composer.Model;

namespace Composer.Cli.Commands;

/// <summary>Narrows a project to named services (and what they depend on), as `config web` does.</summary>
internal static class ProjectSelection
{
    public static Project Only(Project project, IReadOnlyCollection<string> serviceNames)
    {
        var keep = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(serviceNames);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!keep.Add(name))
            {
                continue;
            }

            if (!project.Services.TryGetValue(name, out var service))
            {
                throw new UsageException($"no such service: {name}");
            }

            foreach (var dependency in service.DependsOn.Keys)
            {
                pending.Push(dependency);
            }
        }

        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var name in keep.Where(project.Services.ContainsKey))
        {
            services[name] = project.Services[name];
        }

        return project with { Services = services };
    }
}
