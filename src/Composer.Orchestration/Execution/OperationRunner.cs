using System.Collections.Concurrent;
using System.Diagnostics;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Hooks;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Providers;
using Composer.Orchestration.Readiness;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Execution;

/// <summary>Carries out one operation against the engine and reports its progress. It decides nothing.</summary>
internal sealed class OperationRunner(IEngine engine, Project project, IProgressSink progress, DependencyWaiter waiter, IPluginProcessRunner? plugins = null)
{
    // A recreate is several engine steps; its "Recreated" line counts from the first of them, not from the rename.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Stopwatch> _recreateClocks = new(StringComparer.Ordinal);
    private readonly ContainerCreator creator = new(engine, progress);
    private readonly HookRunner hooks = new(engine, project, progress);
    private readonly PreStartGate preStart = new(engine, project);
    private readonly ProviderRunner providers = new(plugins ?? new PluginProcessRunner(), progress);
    private readonly ConcurrentDictionary<string, ProviderVariables> providerVariables = new(StringComparer.Ordinal);

    /// <summary>What each provider service's up said its dependents should see, by service.</summary>
    public IReadOnlyDictionary<string, ProviderVariables> ProviderVariables => providerVariables;

    public async Task RunAsync(Operation operation, CancellationToken cancellationToken)
    {
        var target = operation.ContainerId ?? operation.Target;
        if (operation.RecreateOf is { } recreated)
        {
            await RecreateStepAsync(operation, target, recreated, cancellationToken);
            return;
        }

        switch (operation.Kind)
        {
            case OperationKind.CreateNetwork:
                await StepAsync(operation.Cause, ResourceKind.Network, operation.Target, "Creating", "Created", token =>
                    engine.CreateNetworkAsync(new NetworkRequest(project.Name, operation.ResourceKey!, project.Networks[operation.ResourceKey!]) { ConfigHash = operation.ConfigHash }, token), cancellationToken);
                break;
            case OperationKind.CreateVolume:
                await StepAsync(operation.Cause, ResourceKind.Volume, operation.Target, "Creating", "Created", token =>
                    engine.CreateVolumeAsync(new VolumeRequest(project.Name, operation.ResourceKey!, project.Volumes[operation.ResourceKey!]) { ConfigHash = operation.ConfigHash }, token), cancellationToken);
                break;
            case OperationKind.CreateContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.Target, "Creating", "Created", token => CreateAsync(operation, token), cancellationToken);
                break;
            case OperationKind.StartContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.Target, "Starting", "Started", token => StartAsync(operation, target, token), cancellationToken);
                break;
            case OperationKind.StopContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.Target, "Stopping", "Stopped", token => StopAsync(operation, target, token), cancellationToken);
                break;
            case OperationKind.RemoveContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.Target, "Removing", "Removed", token => engine.RemoveContainerAsync(target, force: false, operation.RemoveVolumes, token), cancellationToken);
                break;
            case OperationKind.RenameContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.NewName!, "Recreating", "Recreated", token => engine.RenameContainerAsync(target, operation.NewName!, token), cancellationToken);
                break;
            case OperationKind.KillContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.Target, "Killing", "Killed", token => engine.KillContainerAsync(target, operation.Signal, token), cancellationToken);
                break;
            case OperationKind.PauseContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.Target, "Pausing", "Paused", token => engine.PauseContainerAsync(target, token), cancellationToken);
                break;
            case OperationKind.UnpauseContainer:
                await StepAsync(operation.Cause, ResourceKind.Container, operation.Target, "Unpausing", "Unpaused", token => engine.UnpauseContainerAsync(target, token), cancellationToken);
                break;
            case OperationKind.RemoveNetwork:
                await StepAsync(operation.Cause, ResourceKind.Network, operation.Target, "Removing", "Removed", token => engine.RemoveNetworkAsync(target, token), cancellationToken);
                break;
            case OperationKind.RemoveVolume:
                await StepAsync(operation.Cause, ResourceKind.Volume, operation.Target, "Removing", "Removed", token => engine.RemoveVolumeAsync(target, token), cancellationToken);
                break;
            case OperationKind.RemoveImage:
                await StepAsync(operation.Cause, ResourceKind.Image, operation.Target, "Removing", "Removed", token => engine.Images.RemoveAsync(target, token), cancellationToken);
                break;
            case OperationKind.WaitForDependency:
                await WaitAsync(operation, cancellationToken);
                break;
            case OperationKind.ProviderUp:
                providerVariables[operation.Service!] = await providers.RunAsync(project, project.Services[operation.Service!], ProviderRunner.Up, cancellationToken);
                break;
            case OperationKind.ProviderDown:
                await providers.RunAsync(project, project.Services[operation.Service!], ProviderRunner.Down, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"no runner for {operation.Kind}");
        }
    }

    private Task RecreateStepAsync(Operation operation, string target, string name, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task> action = operation.Kind switch
        {
            OperationKind.CreateContainer => token => CreateAsync(operation, token),
            OperationKind.StopContainer => token => StopAsync(operation, target, token),
            OperationKind.RemoveContainer => token => engine.RemoveContainerAsync(target, force: false, operation.RemoveVolumes, token),
            OperationKind.RenameContainer => token => engine.RenameContainerAsync(target, operation.NewName!, token),
            _ => throw new InvalidOperationException($"{operation.Kind} is not a recreate step"),
        };
        var clock = _recreateClocks.GetOrAdd(name, _ => Stopwatch.StartNew());
        var last = operation.Kind == OperationKind.RenameContainer;
        return last
            ? StepAsync(operation.Cause, ResourceKind.Container, name, "Recreate", "Recreated", action, cancellationToken, clock)
            : QuietStepAsync(operation.Cause, ResourceKind.Container, name, action, cancellationToken);
    }

    // The inner steps of a recreate report only that the recreate is under way, and failures.
    private async Task QuietStepAsync(string? cause, ResourceKind kind, string name, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress.Report(new ProgressEvent(kind, name, "Recreate", ProgressState.Working, TimeSpan.Zero) { Cause = cause });
        try
        {
            await action(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            progress.Report(new ProgressEvent(kind, name, "Error", ProgressState.Error, clock.Elapsed) { Cause = cause });
            throw;
        }
    }

    /// <summary>pre_start (once per service, when none of its containers runs), start, then post_start.</summary>
    private async Task StartAsync(Operation operation, string target, CancellationToken cancellationToken)
    {
        var service = ServiceOf(operation);
        if (service is { PreStart.Count: > 0 })
        {
            await preStart.RunOnceAsync(service, target, hooks, cancellationToken);
        }

        await ForServiceAsync(service, $"start container {target}: ", token => StartAsync(target, token), cancellationToken);

        if (service is { PostStart.Count: > 0 })
        {
            await hooks.RunExecHooksAsync(HookRunner.PostStart, service, target, operation.Target, cancellationToken);
        }
    }

    private async Task CreateAsync(Operation operation, CancellationToken cancellationToken)
    {
        var request = await ContainerRequestAsync(operation, cancellationToken);
        await ForServiceAsync(request.Service, $"create container {request.Name}: ", token => creator.CreateAsync(request, token), cancellationToken);
    }

    /// <summary>
    /// The engine's reason for refusing a container (a device driver it lacks, a storage option its storage driver
    /// does not have) is said of the service: <c>service "gpu": could not select device driver ...</c>.
    /// </summary>
    private static async Task ForServiceAsync(Service? service, string prefix, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action(cancellationToken);
        }
        catch (EngineException failure) when (service is not null && failure.GetType() == typeof(EngineException) && failure.Message.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new EngineException($"service \"{service.Name}\": {failure.Message[prefix.Length..]}", failure);
        }
    }

    /// <summary>pre_stop runs in a running container before every stop: stop, down, recreate, scale down.</summary>
    private async Task StopAsync(Operation operation, string target, CancellationToken cancellationToken)
    {
        if (ServiceOf(operation) is { PreStop.Count: > 0 } service
            && await engine.InspectContainerAsync(target, cancellationToken) is { Running: true })
        {
            await hooks.RunExecHooksAsync(HookRunner.PreStop, service, target, operation.Target, cancellationToken);
        }

        await engine.StopContainerAsync(target, operation.Timeout, cancellationToken);
    }

    private Service? ServiceOf(Operation operation) =>
        operation.Service is { } name && project.Services.TryGetValue(name, out var service) ? service : null;

    private async Task WaitAsync(Operation operation, CancellationToken cancellationToken)
    {
        var service = operation.Service!;
        var condition = operation.Condition ?? ServiceDependency.Started;
        var done = condition switch
        {
            ServiceDependency.Healthy => "Healthy",
            ServiceDependency.CompletedSuccessfully => "Exited",
            _ => "Started",
        };
        try
        {
            await StepAsync(operation.Cause, ResourceKind.Service, service, "Waiting", done, token => waiter.WaitAsync(project.Name, service, condition, token), cancellationToken);
        }
        catch (DependencyFailedException exception) when (!operation.Required)
        {
            progress.Warn($"optional dependency {exception.Message}; continuing");
        }
    }

    // After the engine was killed, its runtime can keep a container's task, and the container never starts again:
    // it is created anew from its own labels (same service, number and configuration) and started.
    private async Task StartAsync(string target, CancellationToken cancellationToken)
    {
        try
        {
            await engine.StartContainerAsync(target, cancellationToken);
        }
        catch (StaleTaskException)
        {
            var inspected = await engine.InspectContainerAsync(target, cancellationToken);
            if (inspected?.Labels.GetValueOrDefault(ComposeLabels.Service) is not { } serviceName
                || !project.Services.TryGetValue(serviceName, out var service)
                || !int.TryParse(inspected.Labels.GetValueOrDefault(ComposeLabels.ContainerNumber), out var number))
            {
                throw;
            }

            progress.Warn($"container {inspected.Name} cannot start: the engine kept a task of it from before it was killed; creating it again");
            await engine.RemoveContainerAsync(inspected.Id, force: true, removeVolumes: false, cancellationToken);
            var image = inspected.Labels.GetValueOrDefault(ComposeLabels.Image);
            await creator.CreateAsync(new ContainerRequest
            {
                Project = project,
                Service = service,
                Name = inspected.Name,
                Number = number,
                ConfigHash = inspected.Labels.GetValueOrDefault(ComposeLabels.ConfigHash) ?? "",
                ImageId = image is not null && image.StartsWith("sha256:", StringComparison.Ordinal) ? image : null,
                ServiceContainers = await SharedServiceContainersAsync(service, cancellationToken),
            }, cancellationToken);
            await engine.StartContainerAsync(inspected.Name, cancellationToken);
        }
    }

    private async Task<ContainerRequest> ContainerRequestAsync(Operation operation, CancellationToken cancellationToken)
    {
        var service = project.Services[operation.Service!];
        return new ContainerRequest
        {
            Project = project,
            Service = service,
            Name = operation.Target,
            Number = operation.Number ?? 1,
            ConfigHash = operation.ConfigHash ?? "",
            ConfigLabel = operation.ConfigLabel,
            ImageId = operation.ImageId,
            ServiceContainers = await SharedServiceContainersAsync(service, cancellationToken),
            OnEngineWarning = warning => progress.Warn($"service \"{service.Name}\": {warning}"),
        };
    }

    // network_mode, ipc, pid, uts, cgroup and volumes_from can name another service: look up which container stands for it now.
    private async Task<IReadOnlyDictionary<string, string>> SharedServiceContainersAsync(Service service, CancellationToken cancellationToken)
    {
        var referenced = service.SharedContainerServices();
        var containers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var other in referenced)
        {
            var candidates = await engine.ListContainersAsync(new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                [ComposeLabels.Project] = project.Name,
                [ComposeLabels.Service] = other,
            }, cancellationToken);
            var chosen = candidates
                .Where(container => container.Labels.GetValueOrDefault(ComposeLabels.OneOff) != "True")
                .OrderByDescending(container => container.State == "running")
                .ThenBy(container => container.Name, StringComparer.Ordinal)
                .FirstOrDefault();
            if (chosen is not null)
            {
                containers[other] = chosen.Name;
            }
        }

        return containers;
    }

    /// <param name="cause">Why the plan has the step; every event of the step carries it (--progress json shows it).</param>
    /// <param name="clock">When the step began, if before this call (a recreate's first step); else now.</param>
    private async Task StepAsync(string? cause, ResourceKind kind, string name, string working, string finished, Func<CancellationToken, Task> action, CancellationToken cancellationToken, Stopwatch? clock = null)
    {
        clock ??= Stopwatch.StartNew();
        progress.Report(new ProgressEvent(kind, name, working, ProgressState.Working, TimeSpan.Zero) { Cause = cause });
        try
        {
            await action(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            progress.Report(new ProgressEvent(kind, name, "Error", ProgressState.Error, clock.Elapsed) { Cause = cause });
            throw;
        }

        progress.Report(new ProgressEvent(kind, name, finished, ProgressState.Done, clock.Elapsed) { Cause = cause });
    }
}
