using Composer.Model;
using Composer.Planning.Plans;

namespace Composer.Planning.Providers;

/// <summary>
/// The steps of provider services (see <see cref="ServiceProvider"/>): one run of the provider's tool each, up in
/// dependency order (a provider after the providers it depends on), down after everything that depends on it.
/// </summary>
internal static class ProviderSteps
{
    /// <summary>
    /// Adds a ProviderUp for each provider service among <paramref name="services"/>, and for each provider one of
    /// them depends on even when it is not among them (up --no-deps, a watch rebuild, scale): without its answer the
    /// service would lose its variables and be recreated without them. Tools are idempotent, so running one again is
    /// safe. Returns the ids by service.
    /// </summary>
    public static Dictionary<string, int> AddUp(PlanBuilder plan, Project project, IEnumerable<string> services)
    {
        var wanted = services.ToHashSet(StringComparer.Ordinal);
        wanted.UnionWith([.. wanted.Where(project.Services.ContainsKey)
            .SelectMany(name => project.Services[name].DependsOn.Keys)
            .Where(name => project.Services.TryGetValue(name, out var dependency) && ServiceProvider.Is(dependency))]);
        var graph = DependencyGraph.FromServices(project.Services);
        var operations = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in graph.StartOrder.Where(wanted.Contains))
        {
            var service = project.Services[name];
            if (ServiceProvider.Of(service) is not { } provider)
            {
                continue;
            }

            var dependents = graph.DependentsOf(name).Where(dependent => project.Services[dependent].DependsOn.ContainsKey(name)).Order(StringComparer.Ordinal).ToList();
            operations[name] = plan.Add(new Operation
            {
                Id = 0, Kind = OperationKind.ProviderUp, Target = name, Service = name, ProviderType = provider.Type,
                DependsOn = [.. service.DependsOn.Keys.Where(operations.ContainsKey).Select(dependency => operations[dependency])],
                Cause = dependents.Count == 0 ? "provider service" : $"provider service; its variables go to {string.Join(", ", dependents)}",
            });
        }

        return operations;
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
