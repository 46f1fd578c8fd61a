using Composer.Model;
using Composer.Planning.Observed;
using Composer.Planning.Plans;

namespace Composer.Planning;

/// <summary>Adds a stop for each running container; a service's stops wait for the stops of the services that need it.</summary>
internal static class StopInReverseDependencyOrder
{
    /// <returns>The stop operation of each container id that was running.</returns>
    public static IReadOnlyDictionary<string, int> Add(
        PlanBuilder plan, DependencyGraph graph, IEnumerable<ObservedContainer> containers, Func<string?, TimeSpan?> timeoutOf)
    {
        var stopsByService = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var stopsByContainer = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var container in DownPlanner.OrderForStopping(graph, containers).Where(container => container.IsRunning))
        {
            var after = new List<int>();
            if (container.Service is { } service && graph.Contains(service))
            {
                foreach (var dependent in graph.WithDependents([service]).Where(other => other != service))
                {
                    after.AddRange(stopsByService.GetValueOrDefault(dependent) ?? []);
                }
            }

            var stop = plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.StopContainer, Target = container.Name, ContainerId = container.Id,
                Service = container.Service, Timeout = timeoutOf(container.Service), DependsOn = after,
            });
            stopsByContainer[container.Id] = stop;
            if (container.Service is not null)
            {
                if (!stopsByService.TryGetValue(container.Service, out var list))
                {
                    stopsByService[container.Service] = list = [];
                }

                list.Add(stop);
            }
        }

        return stopsByContainer;
    }
}
