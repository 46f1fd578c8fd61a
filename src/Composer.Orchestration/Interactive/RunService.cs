using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Building;
using Composer.Orchestration.Hooks;
using Composer.Orchestration.Preflight;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Services;
using Composer.Planning.Hashing;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Interactive;

/// <summary>
/// <c>run</c>: a one-off container of a service (labelled oneoff=True so that up, ps and scale leave it alone), with
/// its dependencies brought up first as <c>up</c> would. Its post_start hooks run in it once it has started, as docker
/// compose's run does (detached: before run returns; attached: beside the output); a failing hook fails run. pre_stop
/// does not run: run never stops the container, it ends by itself (or --rm removes it once it has ended).
/// </summary>
public sealed class RunService(OrchestrationContext context)
{
    private IEngine Engine => context.Engine;

    /// <summary>
    /// Runs the container and returns its exit code (0 when detached). <paramref name="beforeOutput"/> is called once
    /// the container exists, before any of its output: the caller's progress view must be gone by then.
    /// </summary>
    public async Task<RunResult> RunAsync(
        Project project, RunOptions options, IInteractiveConsole console, Func<ValueTask> beforeOutput, CancellationToken cancellationToken)
    {
        project = WithPullOverride(ImageNames.WithBuiltImageNames(project), options);

        // What up refuses, warns about and applies for a service, run does for its one-off service and the
        // dependencies it starts, before any image is pulled or built.
        var starts = options.NoDeps ? [options.Service] : DependencyGraph.FromServices(project.Services).WithDependencies([options.Service]).ToList();
        project = await EngineChecks.PrepareAsync(context, project, starts, allResources: false, cancellationToken);
        var service = project.Services[options.Service];
        if (ServiceProvider.Is(service))
        {
            throw new Planning.PlanningException($"service \"{service.Name}\" is a provider service: its tool runs with up, it has no container to run");
        }

        // The service's own image first: one that cannot be had stops run before anything is created or started.
        var (imageIds, imageSteps) = await new ImagePreparation(context).PrepareAsync(
            project, [service.Name], new UpOptions { Build = options.Build, DryRun = options.DryRun }, cancellationToken);
        if (options.DryRun)
        {
            return await PlanAsync(project, service, options, imageSteps, cancellationToken);
        }

        if (!options.NoDeps && service.DependsOn.Count > 0)
        {
            // Provider services among the dependencies set variables for this service too, as for up's dependents.
            var providers = await StartDependenciesAsync(project, service, options, cancellationToken);
            project = ProviderEnvironment.Apply(project, providers).Project;
            service = project.Services[options.Service];
        }

        await ProjectResources.EnsureAsync(Engine, project, service, cancellationToken);
        var oneOff = OneOffContainer.Apply(service, options);
        var name = options.Name ?? OneOffContainer.DefaultName(project, service.Name);
        var id = await Engine.CreateContainerAsync(new ContainerRequest
        {
            Project = project,
            Service = oneOff,
            Name = name,
            Number = 1,
            ConfigHash = ConfigHash.Compute(project, service),
            OneOff = true,
            ServiceAliases = options.UseAliases,
            ImageId = imageIds.GetValueOrDefault(service.Name),
        }, cancellationToken);

        if (options.Detach)
        {
            await Engine.StartContainerAsync(id, cancellationToken);
            await PostStartAsync(project, service, id, name, context.Progress, cancellationToken);
            await beforeOutput();
            return new RunResult(name, 0);
        }

        try
        {
            await beforeOutput();
            return new RunResult(name, await RunAttachedAsync(project, service, id, name, options, console, cancellationToken));
        }
        finally
        {
            if (options.Remove)
            {
                // Also after Ctrl-C or a failure: --rm promises that nothing stays behind.
                await Engine.RemoveContainerAsync(id, force: true, removeVolumes: true, CancellationToken.None);
            }
        }
    }

    // --pull replaces the run service's pull_policy only; its dependencies keep theirs, as up would treat them.
    private static Project WithPullOverride(Project project, RunOptions options)
    {
        if (options.Pull is not { } pull)
        {
            return project;
        }

        var services = new SortedDictionary<string, Service>(project.Services.ToDictionary(), StringComparer.Ordinal);
        services[options.Service] = services[options.Service] with { PullPolicy = pull };
        return project with { Services = services };
    }

    private async Task<int> RunAttachedAsync(Project project, Service service, string id, string name, RunOptions options, IInteractiveConsole console, CancellationToken cancellationToken)
    {
        // Attached before the start, so that not a byte of output is missed.
        using var stream = await Engine.Streams.AttachAsync(id, options.Interactive, cancellationToken);
        await Engine.StartContainerAsync(id, cancellationToken);

        // The progress view is closed while the container's output runs: a failing hook is reported through its error,
        // which carries the hook's last lines.
        var hooks = PostStartAsync(project, service, id, name, new NullProgressSink(), cancellationToken);
        using (options.Tty ? console.EnterRawMode() : null)
        {
            await StreamPump.RunAsync(stream, console, options.Interactive,
                options.Tty ? size => Engine.Streams.ResizeContainerAsync(id, size, CancellationToken.None) : null, cancellationToken);
        }

        var exitCode = (int)(await Engine.WaitContainerAsync(id, cancellationToken) ?? 0);
        try
        {
            await hooks;
        }
        catch (EngineException) when (!cancellationToken.IsCancellationRequested)
        {
            // The command ended before its hook could be started in it (exec needs a running container): nothing ran.
        }

        return exitCode;
    }

    private Task PostStartAsync(Project project, Service service, string id, string name, IProgressSink progress, CancellationToken cancellationToken) =>
        service.PostStart.Count == 0
            ? Task.CompletedTask
            : new HookRunner(Engine, project, progress).RunExecHooksAsync(HookRunner.PostStart, service, id, name, cancellationToken);

    // --dry-run: the image steps, the plan of the up that would start the dependencies, then the one-off container,
    // which waits for all of them.
    private async Task<RunResult> PlanAsync(
        Project project, Service service, RunOptions options, IReadOnlyList<Planning.ImageStep> imageSteps, CancellationToken cancellationToken)
    {
        var plan = new Plan
        {
            Operations = [.. imageSteps.Select((step, index) => new Operation
            {
                Id = index + 1, Kind = step.Build ? OperationKind.BuildImage : OperationKind.PullImage, Target = step.Image, Service = step.Service,
            })],
        };
        if (!options.NoDeps && service.DependsOn.Count > 0)
        {
            var dependencies = await new UpService(context).UpAsync(
                project, new UpOptions { Services = [.. service.DependsOn.Keys], RemoveOrphans = options.RemoveOrphans, IgnoreOrphans = options.IgnoreOrphans, DryRun = true, Preflighted = true }, cancellationToken);
            plan = plan.Then(dependencies.Plan);
        }

        var name = options.Name ?? OneOffContainer.DefaultName(project, service.Name);
        var waitedOn = plan.Operations.Select(operation => operation.Id)
            .Except(plan.Operations.SelectMany(operation => operation.DependsOn))
            .ToList();
        var oneOff = new List<Operation>
        {
            new() { Id = 1, Kind = OperationKind.CreateContainer, Target = name, Service = service.Name, Number = 1, Cause = $"one-off of {service.Name}" },
            new() { Id = 2, Kind = OperationKind.StartContainer, Target = name, Service = service.Name, DependsOn = [1], Cause = $"one-off of {service.Name}" },
        };
        if (options.Remove)
        {
            oneOff.Add(new Operation { Id = 3, Kind = OperationKind.RemoveContainer, Target = name, Service = service.Name, DependsOn = [2], Cause = "--rm, when it exits" });
        }

        plan = plan.Then(new Plan { Operations = oneOff }, waitedOn);
        return new RunResult(name, 0) { Plan = plan };
    }

    private async Task<IReadOnlyDictionary<string, ProviderVariables>> StartDependenciesAsync(Project project, Service service, RunOptions options, CancellationToken cancellationToken)
    {
        var up = await new UpService(context).UpAsync(project, new UpOptions { Services = [.. service.DependsOn.Keys], RemoveOrphans = options.RemoveOrphans, IgnoreOrphans = options.IgnoreOrphans, Preflighted = true }, cancellationToken);
        var waiter = new PlanRunner(context).Waiter();
        await Task.WhenAll(service.DependsOn
            .Where(dependency => project.Services.TryGetValue(dependency.Key, out var dependencyService) && !ServiceProvider.Is(dependencyService))
            .Select(dependency => waiter.WaitAsync(project.Name, dependency.Key, dependency.Value.Condition, cancellationToken)));
        return up.ProviderVariables;
    }
}
