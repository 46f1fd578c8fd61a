using Composer.Model;
using Composer.Planning.Observed;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Planning;

/// <summary>
/// Compares what a project wants with what the engine has and says what to do, without touching the engine.
/// Throws <see cref="PlanningException"/> or <see cref="Graph.DependencyCycleException"/> for requests that cannot be planned.
/// </summary>
public static class Planner
{
    public static Plan PlanUp(Project project, ObservedState observed, UpPlanOptions options) =>
        new UpPlanner(project, observed, options).Build();

    /// <summary>The provider services an up of <paramref name="services"/> runs (see <see cref="ProviderSteps.ToRun"/>).</summary>
    public static IReadOnlySet<string> ProvidersToRun(Project project, IEnumerable<string> services) => ProviderSteps.ToRun(project, services);

    /// <summary>
    /// The runs of the given provider services (empty when there are none), each after waiting for the containers
    /// it depends on: what up does before it plans their dependents, so that these are planned with the variables
    /// the providers set.
    /// </summary>
    public static Plan PlanProviderUp(Project project, IEnumerable<string> providers)
    {
        var plan = new PlanBuilder();
        ProviderSteps.AddUp(plan, project, providers);
        return plan.Build();
    }

    /// <summary>The volumes an up with these options would find changed (see <see cref="VolumeChanges"/>): what to ask about.</summary>
    public static IReadOnlyList<VolumeChange> ChangedVolumes(Project project, ObservedState observed, UpPlanOptions options) =>
        new UpPlanner(project, observed, options).ChangedVolumes();

    public static Plan PlanDown(Project project, ObservedState observed, DownPlanOptions options) =>
        new DownPlanner(project, observed, options).Build();

    public static Plan PlanStart(Project project, ObservedState observed, IReadOnlyList<string> services) =>
        new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Start();

    /// <param name="providers">Also run the selected provider services' stop (the stop verb; not restart).</param>
    public static Plan PlanStop(Project project, ObservedState observed, IReadOnlyList<string> services, TimeSpan? timeout, bool providers = false) =>
        new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Stop(timeout, providers);

    public static Plan PlanRemove(Project project, ObservedState observed, IReadOnlyList<string> services, bool stopFirst, bool removeVolumes, TimeSpan? timeout) =>
        new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Remove(stopFirst, removeVolumes, timeout);

    public static Plan PlanKill(Project project, ObservedState observed, IReadOnlyList<string> services, string? signal, bool removeOrphans = false) =>
        removeOrphans
            ? new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).KillAndRemoveOrphans(signal)
            : new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Kill(signal);

    public static Plan PlanPause(Project project, ObservedState observed, IReadOnlyList<string> services) =>
        new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Pause();

    public static Plan PlanUnpause(Project project, ObservedState observed, IReadOnlyList<string> services) =>
        new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Unpause();
}
