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

    /// <summary>
    /// The runs of the provider services among <paramref name="services"/> (empty when there are none): what up does
    /// before it plans containers, so that their dependents are planned with the variables the providers set.
    /// </summary>
    public static Plan PlanProviderUp(Project project, IEnumerable<string> services)
    {
        var plan = new PlanBuilder();
        ProviderSteps.AddUp(plan, project, services);
        return plan.Build();
    }

    /// <summary>The volumes an up with these options would find changed (see <see cref="VolumeChanges"/>): what to ask about.</summary>
    public static IReadOnlyList<VolumeChange> ChangedVolumes(Project project, ObservedState observed, UpPlanOptions options) =>
        new UpPlanner(project, observed, options).ChangedVolumes();

    public static Plan PlanDown(Project project, ObservedState observed, DownPlanOptions options) =>
        new DownPlanner(project, observed, options).Build();

    public static Plan PlanStart(Project project, ObservedState observed, IReadOnlyList<string> services) =>
        new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Start();

    public static Plan PlanStop(Project project, ObservedState observed, IReadOnlyList<string> services, TimeSpan? timeout) =>
        new LifecyclePlanner(NameOnlyServices.Fill(project, observed), observed, services).Stop(timeout);

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
