using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Building;
using Composer.Orchestration.Preflight;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Providers;
using Composer.Orchestration.Readiness;
using Composer.Planning;
using Composer.Planning.Observed;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Services;

/// <summary><c>up</c>: create what is missing, recreate what changed, start what is stopped.</summary>
public sealed class UpService(OrchestrationContext context)
{
    public async Task<VerbResult> UpAsync(Project project, UpOptions options, CancellationToken cancellationToken)
    {
        project = ImageNames.WithBuiltImageNames(project);
        var selected = options.Services.Count == 0 ? project.Services.Keys.ToList() : SelectedWithDependencies(project, options).ToList();
        if (!options.Preflighted)
        {
            project = await EngineChecks.PrepareAsync(context, project, options.Services.Count == 0 ? null : selected, options.AllResources, cancellationToken);
        }

        var runner = new PlanRunner(context);
        var runLock = options.DryRun ? null : await runner.LockAsync(project, cancellationToken);
        try
        {
            return await UpLockedAsync(project, options, selected, runner, () => runLock?.Dispose(), cancellationToken);
        }
        finally
        {
            runLock?.Dispose();
        }
    }

    private async Task<VerbResult> UpLockedAsync(
        Project project, UpOptions options, List<string> selected, PlanRunner runner, Action unlock, CancellationToken cancellationToken)
    {
        // Pulls and builds change images, never containers, networks or volumes: observing meanwhile takes the
        // engine's answers off a no-op up's critical path.
        var observing = runner.ObserveAsync(project, cancellationToken);
        var containerServices = selected.Where(name => !ServiceProvider.Is(project.Services[name])).ToList();
        var (imageIds, imageSteps) = await new ImagePreparation(context).PrepareAsync(project, containerServices, options, cancellationToken);

        var planOptions = new UpPlanOptions
        {
            ForceRecreate = options.ForceRecreate,
            NoRecreate = options.NoRecreate,
            NoStart = options.NoStart,
            NoDeps = options.NoDeps,
            RemoveOrphans = options.RemoveOrphans,
            IgnoreOrphans = options.IgnoreOrphans,
            RecreateVolumes = options.AssumeYes ? project.Volumes.Keys.ToHashSet(StringComparer.Ordinal) : options.RecreateVolumes,
            AllResources = options.AllResources,
            Services = options.Services,
            Scale = options.Scale,
            Timeout = options.Timeout,
            ImageIds = imageIds,
            ImageSteps = imageSteps,
            PlanProviders = options.DryRun,
            ForceRecreateServices = options.AlwaysRecreateDeps ? DependenciesOf(project, selected, options) : new HashSet<string>(StringComparer.Ordinal),
        };
        var observed = await observing;
        if (!options.DryRun)
        {
            observed = await runner.RepairAsync(project, observed, cancellationToken);
        }

        // Provider services' tools run before their dependents are planned: what they say goes into the dependents'
        // environment, and so into the config hash the planner compares.
        var providers = options.DryRun
            ? new ProviderOutcome(project, new Dictionary<string, ProviderVariables>(StringComparer.Ordinal), new Plan(), ContainersChanged: false)
            : await new ProviderConvergence(context, runner).RunAsync(project, selected, planOptions, cancellationToken);
        project = providers.Project;
        if (providers.ContainersChanged)
        {
            observed = await runner.ObserveAsync(project, cancellationToken);
        }

        var planned = project;
        var result = await runner.RunAsync(project, observed, state => Planner.PlanUp(planned, state, planOptions), options.DryRun, cancellationToken);
        if (!result.Executed)
        {
            return result;
        }

        result = result with { Plan = providers.Executed.Then(result.Plan), ProviderVariables = providers.Variables };

        // The project is as this run wants it; waiting for health need not hold up another run.
        unlock();
        ReportUntouchedRunning(observed, selected, result.Plan);
        if (options.Wait && !options.NoStart)
        {
            await ServiceWait.WaitAsync(context, project, containerServices, options.Scale, options.WaitTimeout, runner.Waiter(), cancellationToken);
        }

        return result;
    }

    /// <summary>
    /// The volumes this up would find changed, from the engine's volumes alone: what the CLI asks about on a terminal
    /// before it starts, as docker compose does (the answers go to <see cref="UpOptions.RecreateVolumes"/>).
    /// </summary>
    public static async Task<IReadOnlyList<VolumeChange>> ChangedVolumesAsync(IEngine engine, Project project, UpOptions options, CancellationToken cancellationToken)
    {
        var found = await Task.WhenAll(project.Volumes.Values.Where(volume => !volume.External)
            .Select(volume => engine.FindVolumeAsync(volume.Name, cancellationToken)));
        var observed = new ObservedState
        {
            Volumes = [.. found.OfType<EngineVolume>().Select(volume => new ObservedVolume(volume.Name, null)
            {
                Driver = volume.Driver, Options = volume.Options, Labels = volume.Labels,
            })],
        };
        return Planner.ChangedVolumes(project, observed, new UpPlanOptions { Services = options.Services, AllResources = options.AllResources });
    }

    /// <summary>
    /// Containers the plan left alone get a "Running" line, as docker compose prints them: an up with nothing to do
    /// says that every service is running rather than nothing at all.
    /// </summary>
    private void ReportUntouchedRunning(ObservedState observed, IReadOnlyCollection<string> selected, Plan plan)
    {
        var touched = plan.Operations
            .SelectMany(operation => new[] { operation.Target, operation.ContainerId, operation.NewName })
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
        foreach (var container in observed.Containers
            .Where(container => !container.IsOneOff && container.State == "running" && container.Service is { } service && selected.Contains(service))
            .Where(container => !touched.Contains(container.Name) && !touched.Contains(container.Id))
            .OrderBy(container => container.Name, StringComparer.Ordinal))
        {
            context.Progress.Report(new ProgressEvent(ResourceKind.Container, container.Name, "Running", ProgressState.Done, TimeSpan.Zero));
        }
    }

    // --always-recreate-deps: every service a selected one depends on (directly or not) is recreated.
    private static HashSet<string> DependenciesOf(Project project, IEnumerable<string> selected, UpOptions options)
    {
        var graph = DependencyGraph.FromServices(project.Services);
        var roots = options.Services.Count == 0 ? project.Services.Keys.ToList() : [.. options.Services];
        return roots
            .SelectMany(root => graph.WithDependencies([root]).Where(name => name != root))
            .Where(selected.Contains)
            .ToHashSet(StringComparer.Ordinal);
    }

    private static IEnumerable<string> SelectedWithDependencies(Project project, UpOptions options) =>
        options.NoDeps
            ? options.Services
            : DependencyGraph.FromServices(project.Services).WithDependencies(options.Services);
}
