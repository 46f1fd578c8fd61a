using Composer.Model;
using Composer.Planning.Plans;

namespace Composer.Planning.Providers;

/// <summary>
/// The steps of provider services (see <see cref="ServiceProvider"/>): one run of the provider's tool each, up in
/// dependency order (after the providers it depends on, and after the containers it depends on meet their
/// condition), down and stop after everything that depends on it.
/// </summary>
internal static class ProviderSteps
{
    /// <summary>
    /// The provider services an up of <paramref name="services"/> runs: those among them, and each provider one of
    /// them depends on even when it is not among them (up --no-deps, a watch rebuild, scale): without its answer the
    /// service would lose its variables and be recreated without them. Tools are idempotent, so running one again is
    /// safe.
    /// </summary>
    public static IReadOnlySet<string> ToRun(Project project, IEnumerable<string> services)
    {
        var named = services.Where(project.Services.ContainsKey).ToList();
        return named
            .Concat(named.SelectMany(name => project.Services[name].DependsOn.Keys))
            .Where(name => project.Services.TryGetValue(name, out var service) && ServiceProvider.Is(service))
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Adds a ProviderUp for each of the given provider services, in dependency order, each after the providers it
    /// depends on and after a wait for each container service it depends on (which up has started by then); returns
    /// their ids by service.
    /// </summary>
    public static Dictionary<string, int> AddUp(PlanBuilder plan, Project project, IEnumerable<string> providers)
    {
        var wanted = providers.ToHashSet(StringComparer.Ordinal);
        var graph = DependencyGraph.FromServices(project.Services);
        var operations = new Dictionary<string, int>(StringComparer.Ordinal);
        var waits = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in graph.StartOrder.Where(wanted.Contains))
        {
            var service = project.Services[name];
            var containerWaits = new List<int>();
            foreach (var (dependency, condition) in service.DependsOn.OrderBy(pair => pair.Key, StringComparer.Ordinal))
            {
                if (project.Services.TryGetValue(dependency, out var other) && !ServiceProvider.Is(other))
                {
                    var key = $"{dependency}\n{condition.Condition}\n{condition.Required}";
                    if (!waits.TryGetValue(key, out var wait))
                    {
                        wait = plan.Add(new Operation
                        {
                            Id = 0, Kind = OperationKind.WaitForDependency, Target = dependency, Service = dependency,
                            Condition = condition.Condition, Required = condition.Required,
                        });
                        waits[key] = wait;
                    }

                    containerWaits.Add(wait);
                }
            }

            if (AddOne(plan, project, graph, service, operations, containerWaits) is { } id)
            {
                operations[name] = id;
            }
        }

        return operations;
    }

    /// <summary>
    /// Adds the ProviderUp of one provider service after the ProviderUps of the providers it depends on (found in
    /// <paramref name="providerOperations"/>) and after <paramref name="after"/>; null for a service without a provider.
    /// </summary>
    public static int? AddOne(PlanBuilder plan, Project project, DependencyGraph graph, Service service, IReadOnlyDictionary<string, int> providerOperations, IEnumerable<int> after)
    {
        if (ServiceProvider.Of(service) is not { } provider)
        {
            return null;
        }

        var dependents = graph.DependentsOf(service.Name).Where(dependent => project.Services[dependent].DependsOn.ContainsKey(service.Name)).Order(StringComparer.Ordinal).ToList();
        return plan.Add(new Operation
        {
            Id = 0, Kind = OperationKind.ProviderUp, Target = service.Name, Service = service.Name, ProviderType = provider.Type,
            DependsOn = [.. service.DependsOn.Keys.Where(providerOperations.ContainsKey).Select(dependency => providerOperations[dependency]), .. after],
            Cause = dependents.Count == 0 ? "provider service" : $"provider service; its variables go to {string.Join(", ", dependents)}",
        });
    }

    /// <summary>
    /// Adds a ProviderDown (or ProviderStop: <paramref name="kind"/>) for each provider service among
    /// <paramref name="services"/>, after its dependents' steps (<paramref name="after"/> gives a service's last
    /// steps, e.g. its containers' removals) and after the steps of providers that depend on it.
    /// </summary>
    public static void AddInReverse(PlanBuilder plan, Project project, IEnumerable<string> services, OperationKind kind, Func<string, IEnumerable<int>> after)
    {
        var wanted = services.ToHashSet(StringComparer.Ordinal);
        var graph = DependencyGraph.FromServices(project.Services);
        var operations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in graph.StopOrder.Where(wanted.Contains))
        {
            if (ServiceProvider.Of(project.Services[name]) is not { } provider)
            {
                continue;
            }

            var dependents = graph.DependentsOf(name);
            operations[name] = plan.Add(new Operation
            {
                Id = 0, Kind = kind, Target = name, Service = name, ProviderType = provider.Type,
                DependsOn = [.. dependents.SelectMany(after), .. dependents.Where(operations.ContainsKey).Select(dependent => operations[dependent])],
                Cause = kind == OperationKind.ProviderStop ? "provider service; only if its tool declares stop" : "provider service",
            });
        }
    }
}
