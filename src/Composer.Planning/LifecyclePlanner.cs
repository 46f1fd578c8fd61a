using Composer.Model;
using Composer.Planning.Observed;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Planning;

/// <summary>Plans for the verbs that act on existing containers only: start, stop, rm, kill, pause, unpause.</summary>
internal sealed class LifecyclePlanner
{
    private readonly Project project;
    private readonly ObservedState observed;
    private readonly DependencyGraph graph;
    private readonly IReadOnlySet<string> selected;

    public LifecyclePlanner(Project project, ObservedState observed, IReadOnlyList<string> services)
    {
        this.project = project;
        this.observed = observed;
        graph = DependencyGraph.FromServices(project.Services);
        foreach (var name in services.Where(name => !project.Services.ContainsKey(name)))
        {
            throw new PlanningException($"no such service: {name}");
        }

        selected = services.Count == 0
            ? new SortedSet<string>(project.Services.Keys, StringComparer.Ordinal)
            : new SortedSet<string>(services, StringComparer.Ordinal);
    }

    public Plan Start()
    {
        var plan = new PlanBuilder();
        var startsByService = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var service in graph.StartOrder.Where(selected.Contains))
        {
            var after = graph.DependenciesOf(service).SelectMany(dependency => startsByService.GetValueOrDefault(dependency) ?? []).ToArray();
            var starts = new List<int>();
            foreach (var container in observed.ContainersOf(service).Where(container => !container.IsRunning))
            {
                starts.Add(plan.Add(new Operation
                {
                    Id = 0, Kind = OperationKind.StartContainer, Target = container.Name, ContainerId = container.Id,
                    Service = service, DependsOn = after,
                }));
            }

            startsByService[service] = starts;
        }

        return plan.Build();
    }

    /// <param name="providers">Also stop the selected provider services (stop does; restart's stop does not, as in docker compose).</param>
    public Plan Stop(TimeSpan? timeout, bool providers = false)
    {
        var plan = new PlanBuilder();
        var containers = SelectedContainers();
        var stops = StopInReverseDependencyOrder.Add(plan, graph, containers, service => timeout ?? StopGracePeriod(service));
        if (providers)
        {
            // A provider's tool pauses its resource once the containers that depend on it have stopped.
            ProviderSteps.AddInReverse(plan, project, selected, OperationKind.ProviderStop, service => containers
                .Where(container => container.Service == service && stops.ContainsKey(container.Id))
                .Select(container => stops[container.Id]));
        }

        return plan.Build();
    }

    /// <summary>Removes stopped containers; with <paramref name="stopFirst"/> running ones are stopped and removed too.</summary>
    public Plan Remove(bool stopFirst, bool removeVolumes, TimeSpan? timeout)
    {
        var plan = new PlanBuilder();
        var containers = SelectedContainers();
        var stops = stopFirst
            ? StopInReverseDependencyOrder.Add(plan, graph, containers, service => timeout ?? StopGracePeriod(service))
            : new Dictionary<string, int>();
        foreach (var container in DownPlanner.OrderForStopping(graph, containers))
        {
            if (container.IsRunning && !stops.ContainsKey(container.Id))
            {
                continue;
            }

            plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.RemoveContainer, Target = container.Name, ContainerId = container.Id,
                Service = container.Service, RemoveVolumes = removeVolumes,
                DependsOn = stops.TryGetValue(container.Id, out var stop) ? [stop] : [],
            });
        }

        return plan.Build();
    }

    public Plan Kill(string? signal) =>
        EachContainer(OperationKind.KillContainer, container => container.IsRunning, signal);

    /// <summary>kill --remove-orphans: the kills, then the containers of services no longer in the file are removed.</summary>
    public Plan KillAndRemoveOrphans(string? signal)
    {
        var plan = new PlanBuilder();
        foreach (var operation in Kill(signal).Operations)
        {
            plan.Add(operation with { Id = 0 });
        }

        foreach (var orphan in observed.Containers
            .Where(container => !container.IsOneOff && container.Service is { } service && !project.Services.ContainsKey(service))
            .OrderBy(container => container.Name, StringComparer.Ordinal))
        {
            int[] killed = orphan.IsRunning
                ? [plan.Add(new Operation { Id = 0, Kind = OperationKind.KillContainer, Target = orphan.Name, ContainerId = orphan.Id, Service = orphan.Service, Signal = signal })]
                : [];
            plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.RemoveContainer, Target = orphan.Name, ContainerId = orphan.Id, Service = orphan.Service, DependsOn = killed,
            });
        }

        return plan.Build();
    }

    public Plan Pause() =>
        EachContainer(OperationKind.PauseContainer, container => container.State == "running", null);

    public Plan Unpause() =>
        EachContainer(OperationKind.UnpauseContainer, container => container.State == "paused", null);

    private Plan EachContainer(OperationKind kind, Func<ObservedContainer, bool> applies, string? signal)
    {
        var plan = new PlanBuilder();
        foreach (var container in DownPlanner.OrderForStopping(graph, SelectedContainers()).Where(applies))
        {
            plan.Add(new Operation
            {
                Id = 0, Kind = kind, Target = container.Name, ContainerId = container.Id, Service = container.Service,
                Signal = signal,
            });
        }

        return plan.Build();
    }

    private List<ObservedContainer> SelectedContainers() =>
        [.. selected.SelectMany(observed.ContainersOf)];

    private TimeSpan? StopGracePeriod(string? serviceName) =>
        serviceName is not null && project.Services.TryGetValue(serviceName, out var service) ? service.StopGracePeriod : null;
}
