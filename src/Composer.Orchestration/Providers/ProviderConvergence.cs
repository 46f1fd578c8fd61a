using Composer.Model;
using Composer.Orchestration.Services;
using Composer.Planning;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Providers;

/// <summary>
/// Runs the provider services of an up before the containers that depend on them are planned, so that these are
/// planned (and hashed) with the variables the providers set. A provider that depends on container services runs
/// once those are up and meet their condition: they are converged first (an up of just them), then it runs, then
/// the rest; in rounds, since those containers may themselves depend on other providers.
/// </summary>
internal sealed class ProviderConvergence(OrchestrationContext context, PlanRunner runner)
{
    public async Task<ProviderOutcome> RunAsync(Project project, IReadOnlyList<string> selected, UpPlanOptions planOptions, CancellationToken cancellationToken)
    {
        var pending = Planner.ProvidersToRun(project, selected).ToHashSet(StringComparer.Ordinal);
        var variables = new Dictionary<string, ProviderVariables>(StringComparer.Ordinal);
        var converged = new HashSet<string>(StringComparer.Ordinal);
        var graph = DependencyGraph.FromServices(project.Services);
        var executed = new Plan();
        var containersChanged = false;
        while (pending.Count > 0)
        {
            var ready = pending
                .Where(name => ContainerDependencies(project, name).All(converged.Contains) && !project.Services[name].DependsOn.Keys.Any(pending.Contains))
                .ToList();
            if (ready.Count > 0)
            {
                var plan = Planner.PlanProviderUp(project, ready);
                var said = await runner.RunProvidersAsync(project, plan, cancellationToken);
                foreach (var (name, answer) in said)
                {
                    variables[name] = answer;
                }

                (project, var warnings) = ProviderEnvironment.Apply(project, said);
                foreach (var warning in warnings)
                {
                    context.Progress.Warn(warning);
                }

                executed = executed.Then(plan);
                pending.ExceptWith(ready);
                continue;
            }

            // The containers the waiting providers depend on whose own providers have all run: up them (and what they
            // depend on) now. In a dependency graph without cycles there is always one.
            var next = pending.SelectMany(name => ContainerDependencies(project, name))
                .Where(name => !converged.Contains(name) && !graph.WithDependencies([name]).Any(pending.Contains))
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal)
                .ToList();
            if (planOptions.NoStart)
            {
                throw new PlanningException($"provider services {string.Join(", ", pending.Order(StringComparer.Ordinal))} wait for containers ({string.Join(", ", next)}) that --no-start (create) does not start");
            }

            var stageOptions = planOptions with { Services = next, NoDeps = false, RemoveOrphans = false, IgnoreOrphans = true, PlanProviders = false };
            var stageProject = project;
            var observed = await runner.ObserveAsync(project, cancellationToken);
            var stage = await runner.RunAsync(project, observed, state => Planner.PlanUp(stageProject, state, stageOptions), dryRun: false, cancellationToken);
            executed = executed.Then(stage.Plan);
            containersChanged |= !stage.Plan.IsEmpty;
            converged.UnionWith(graph.WithDependencies(next));
        }

        return new ProviderOutcome(project, variables, executed, containersChanged);
    }

    private static IEnumerable<string> ContainerDependencies(Project project, string provider) =>
        project.Services[provider].DependsOn.Keys.Where(name => project.Services.TryGetValue(name, out var service) && !ServiceProvider.Is(service));
}
