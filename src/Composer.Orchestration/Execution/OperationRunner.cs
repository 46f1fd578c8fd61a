using System.Diagnostics;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Readiness;
using Composer.Planning.Plans;

namespace Composer.Orchestration.Execution;

/// <summary>Carries out one operation against the engine and reports its progress. It decides nothing.</summary>
internal sealed class OperationRunner(IEngine engine, Project project, IProgressSink progress, DependencyWaiter waiter)
{
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
                await StepAsync(ResourceKind.Network, operation.Target, "Creating", "Created", token =>
                    engine.CreateNetworkAsync(new NetworkRequest(project.Name, operation.ResourceKey!, project.Networks[operation.ResourceKey!]) { ConfigHash = operation.ConfigHash }, token), cancellationToken);
                break;
            case OperationKind.CreateVolume:
                await StepAsync(ResourceKind.Volume, operation.Target, "Creating", "Created", token =>
                    engine.CreateVolumeAsync(new VolumeRequest(project.Name, operation.ResourceKey!, project.Volumes[operation.ResourceKey!]), token), cancellationToken);
                break;
            case OperationKind.CreateContainer:
                await StepAsync(ResourceKind.Container, operation.Target, "Creating", "Created", async token =>
                    await engine.CreateContainerAsync(await ContainerRequestAsync(operation, token), token), cancellationToken);
                break;
            case OperationKind.StartContainer:
                await StepAsync(ResourceKind.Container, operation.Target, "Starting", "Started", token => engine.StartContainerAsync(target, token), cancellationToken);
                break;
            case OperationKind.StopContainer:
                await StepAsync(ResourceKind.Container, operation.Target, "Stopping", "Stopped", token => engine.StopContainerAsync(target, operation.Timeout, token), cancellationToken);
                break;
            case OperationKind.RemoveContainer:
                await StepAsync(ResourceKind.Container, operation.Target, "Removing", "Removed", token => engine.RemoveContainerAsync(target, force: false, operation.RemoveVolumes, token), cancellationToken);
                break;
            case OperationKind.RenameContainer:
                await StepAsync(ResourceKind.Container, operation.NewName!, "Recreating", "Recreated", token => engine.RenameContainerAsync(target, operation.NewName!, token), cancellationToken);
                break;
            case OperationKind.KillContainer:
                await StepAsync(ResourceKind.Container, operation.Target, "Killing", "Killed", token => engine.KillContainerAsync(target, operation.Signal, token), cancellationToken);
                break;
            case OperationKind.PauseContainer:
                await StepAsync(ResourceKind.Container, operation.Target, "Pausing", "Paused", token => engine.PauseContainerAsync(target, token), cancellationToken);
                break;
            case OperationKind.UnpauseContainer:
                await StepAsync(ResourceKind.Container, operation.Target, "Unpausing", "Unpaused", token => engine.UnpauseContainerAsync(target, token), cancellationToken);
                break;
            case OperationKind.RemoveNetwork:
                await StepAsync(ResourceKind.Network, operation.Target, "Removing", "Removed", token => engine.RemoveNetworkAsync(target, token), cancellationToken);
                break;
            case OperationKind.RemoveVolume:
                await StepAsync(ResourceKind.Volume, operation.Target, "Removing", "Removed", token => engine.RemoveVolumeAsync(target, token), cancellationToken);
                break;
            case OperationKind.RemoveImage:
                await StepAsync(ResourceKind.Image, operation.Target, "Removing", "Removed", token => engine.Images.RemoveAsync(target, token), cancellationToken);
                break;
            case OperationKind.WaitForDependency:
                await WaitAsync(operation, cancellationToken);
                break;
            default:
                throw new InvalidOperationException($"no runner for {operation.Kind}");
        }
    }

    private Task RecreateStepAsync(Operation operation, string target, string name, CancellationToken cancellationToken)
    {
        Func<CancellationToken, Task> action = operation.Kind switch
        {
            OperationKind.CreateContainer => async token => await engine.CreateContainerAsync(await ContainerRequestAsync(operation, token), token),
            OperationKind.StopContainer => token => engine.StopContainerAsync(target, operation.Timeout, token),
            OperationKind.RemoveContainer => token => engine.RemoveContainerAsync(target, force: false, operation.RemoveVolumes, token),
            OperationKind.RenameContainer => token => engine.RenameContainerAsync(target, operation.NewName!, token),
            _ => throw new InvalidOperationException($"{operation.Kind} is not a recreate step"),
        };
        var last = operation.Kind == OperationKind.RenameContainer;
        return last
            ? StepAsync(ResourceKind.Container, name, "Recreate", "Recreated", action, cancellationToken)
            : QuietStepAsync(ResourceKind.Container, name, action, cancellationToken);
    }

    // The inner steps of a recreate report only that the recreate is under way, and failures.
    private async Task QuietStepAsync(ResourceKind kind, string name, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress.Report(new ProgressEvent(kind, name, "Recreate", ProgressState.Working, TimeSpan.Zero));
        try
        {
            await action(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            progress.Report(new ProgressEvent(kind, name, "Error", ProgressState.Error, clock.Elapsed));
            throw;
        }
    }

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
            await StepAsync(ResourceKind.Service, service, "Waiting", done, token => waiter.WaitAsync(project.Name, service, condition, token), cancellationToken);
        }
        catch (DependencyFailedException exception) when (!operation.Required)
        {
            progress.Warn($"optional dependency {exception.Message}; continuing");
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
            ImageId = operation.ImageId,
            ServiceContainers = await SharedServiceContainersAsync(service, cancellationToken),
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

    private async Task StepAsync(ResourceKind kind, string name, string working, string finished, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        progress.Report(new ProgressEvent(kind, name, working, ProgressState.Working, TimeSpan.Zero));
        try
        {
            await action(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            progress.Report(new ProgressEvent(kind, name, "Error", ProgressState.Error, clock.Elapsed));
            throw;
        }

        progress.Report(new ProgressEvent(kind, name, finished, ProgressState.Done, clock.Elapsed));
    }
}
