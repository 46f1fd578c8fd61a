using Composer.Model;
using Composer.Planning.Observed;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Planning;

/// <summary>Stops dependents before their dependencies, then removes containers, networks and (asked for) volumes.</summary>
internal sealed class DownPlanner(Project project, ObservedState observed, DownPlanOptions options)
{
    private readonly PlanBuilder plan = new();
    private readonly Dictionary<string, List<int>> removalsByService = new(StringComparer.Ordinal);

    private List<int> RemoveContainers(DependencyGraph graph, List<ObservedContainer> containers)
    {
        var stops = StopInReverseDependencyOrder.Add(plan, graph, containers, service => Timeout(service));
        var removals = new List<int>();
        foreach (var container in OrderForStopping(graph, containers))
        {
            var removal = plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.RemoveContainer, Target = container.Name, ContainerId = container.Id,
                Service = container.Service, RemoveVolumes = options.RemoveVolumes,
                DependsOn = stops.TryGetValue(container.Id, out var stop) ? [stop] : [],
            });
            removals.Add(removal);
            if (container.Service is { } service)
            {
                removalsByService.TryAdd(service, []);
                removalsByService[service].Add(removal);
            }
        }

        return removals;
    }

    // docker compose runs the provider's tool with down for each provider service of the file (named ones only when
    // services are named), whether or not an up ran it, once the containers that depend on it are gone.
    private void RemoveProviders(IEnumerable<string> services)
    {
        if (!IsNameOnly)
        {
            ProviderSteps.AddDown(plan, project, services.Where(project.Services.ContainsKey),
                service => removalsByService.GetValueOrDefault(service) ?? []);
        }
    }

    public Plan Build()
    {
        var graph = DependencyGraph.FromServices(project.Services);
        var containers = observed.Containers.Where(container => BelongsToProject(container.Service)).ToList();
        var orphans = observed.Containers.Where(container => !BelongsToProject(container.Service)).ToList();
        var others = options.Services.Count == 0 ? [] : containers.Where(container => !options.Services.Contains(container.Service!)).ToList();
        if (others.Count > 0 || (options.Services.Count > 0 && orphans.Count > 0 && !options.RemoveOrphans))
        {
            // Other services still run on the project's networks and volumes: only the named services' containers go.
            containers = [.. containers.Where(container => options.Services.Contains(container.Service!))];
            if (options.RemoveOrphans)
            {
                containers.AddRange(orphans);
            }

            RemoveContainers(graph, containers);
            RemoveProviders(options.Services);
            return plan.Build();
        }

        if (options.RemoveOrphans)
        {
            containers.AddRange(orphans);
        }
        else if (orphans.Count > 0 && !options.IgnoreOrphans)
        {
            plan.Warn($"found orphan containers ({string.Join(", ", orphans.Select(container => container.Name).Order(StringComparer.Ordinal))}) "
                + "for this project; remove them with --remove-orphans");
        }

        var removals = RemoveContainers(graph, containers);
        RemoveProviders(options.Services.Count == 0 ? project.Services.Keys : options.Services);

        var networks = IsNameOnly
            ? observed.Networks.Where(network => network.Key is not null).Select(network => network.Name)
            : project.Networks.Values.Where(network => !network.External && observed.HasNetwork(network.Name)).Select(network => network.Name);
        foreach (var network in networks.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            plan.Add(new Operation { Id = 0, Kind = OperationKind.RemoveNetwork, Target = network, DependsOn = removals });
        }

        if (options.RemoveVolumes)
        {
            var volumes = IsNameOnly
                ? observed.Volumes.Where(volume => volume.Key is not null).Select(volume => volume.Name)
                : project.Volumes.Values.Where(volume => !volume.External && observed.HasVolume(volume.Name)).Select(volume => volume.Name);
            foreach (var volume in volumes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            {
                plan.Add(new Operation { Id = 0, Kind = OperationKind.RemoveVolume, Target = volume, DependsOn = removals });
            }
        }

        foreach (var image in DownImages.ToRemove(project, options.RemoveImages))
        {
            plan.Add(new Operation { Id = 0, Kind = OperationKind.RemoveImage, Target = image, DependsOn = removals });
        }

        return plan.Build();
    }

    internal static IEnumerable<ObservedContainer> OrderForStopping(DependencyGraph graph, IEnumerable<ObservedContainer> containers)
    {
        var rank = graph.StopOrder.Select((service, index) => (service, index)).ToDictionary(pair => pair.service, pair => pair.index, StringComparer.Ordinal);
        return containers
            .OrderBy(container => container.Service is { } service && rank.TryGetValue(service, out var index) ? index : -1)
            .ThenBy(container => container.Name, StringComparer.Ordinal);
    }

    /// <summary>
    /// A project known only by name (down -p without a compose file): everything labelled with it goes, since
    /// nothing says what its services were.
    /// </summary>
    private bool IsNameOnly => NameOnlyServices.IsNameOnly(project);

    private bool BelongsToProject(string? service) =>
        IsNameOnly || (service is not null && (project.Services.ContainsKey(service) || project.DisabledServices.ContainsKey(service)));

    private TimeSpan? Timeout(string? serviceName) =>
        options.Timeout ?? (serviceName is not null && project.Services.TryGetValue(serviceName, out var service) ? service.StopGracePeriod : null);
}
