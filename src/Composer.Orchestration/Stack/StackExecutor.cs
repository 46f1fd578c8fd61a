using System.Collections.Concurrent;
using System.Diagnostics;
using Composer.Engine.Contracts;
using Composer.Model.Swarm;
using Composer.Orchestration.Progress;
using Composer.Planning.Stack;

namespace Composer.Orchestration.Stack;

/// <summary>
/// Runs a stack plan: every operation starts as soon as the ones it depends on finished, and a service with
/// depends_on (under --wait) first waits for those services to run, be healthy or complete. It decides nothing.
/// </summary>
internal sealed class StackExecutor(ISwarmEngine swarm, IProgressSink progress, StackWaiter waiter, StackDeployRequest request, ObservedStack observed)
{
    private readonly ConcurrentDictionary<string, string> secretIds = new(observed.Objects
        .Where(item => item.Kind == SwarmObjectKind.Secret).GroupBy(item => item.Name).Select(group => KeyValuePair.Create(group.Key, group.First().Id)), StringComparer.Ordinal);

    private readonly ConcurrentDictionary<string, string> configIds = new(observed.Objects
        .Where(item => item.Kind == SwarmObjectKind.Config).GroupBy(item => item.Name).Select(group => KeyValuePair.Create(group.Key, group.First().Id)), StringComparer.Ordinal);

    public async Task ExecuteAsync(StackPlan plan, CancellationToken cancellationToken)
    {
        var running = new Dictionary<int, Task>();
        foreach (var operation in plan.Operations)
        {
            var prerequisites = operation.DependsOn.Select(id => running[id]).ToList();
            running[operation.Id] = RunAfterAsync(prerequisites, operation, cancellationToken);
        }

        await Task.WhenAll(running.Values);
    }

    private async Task RunAfterAsync(IReadOnlyList<Task> prerequisites, StackOperation operation, CancellationToken cancellationToken)
    {
        await Task.WhenAll(prerequisites);
        if (operation.WaitFor.Count > 0)
        {
            await waiter.WaitAsync([.. operation.WaitFor.Keys], request.WaitTimeout, cancellationToken);
        }

        var clock = Stopwatch.StartNew();
        var (kind, name) = Subject(operation);
        progress.Report(new ProgressEvent(kind, name, Working(operation.Kind), ProgressState.Working, TimeSpan.Zero));
        try
        {
            await RunAsync(operation, cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            progress.Report(new ProgressEvent(kind, name, "Error", ProgressState.Error, clock.Elapsed));
            throw;
        }

        progress.Report(new ProgressEvent(kind, name, Done(operation.Kind), ProgressState.Done, clock.Elapsed));
    }

    private async Task RunAsync(StackOperation operation, CancellationToken cancellationToken)
    {
        switch (operation.Kind)
        {
            case StackOperationKind.CreateNetwork:
                await swarm.CreateNetworkAsync(operation.NetworkSpec!, cancellationToken);
                break;
            case StackOperationKind.CreateSecret:
                secretIds[operation.Target] = await swarm.CreateObjectAsync(operation.ObjectSpec!, cancellationToken);
                break;
            case StackOperationKind.CreateConfig:
                configIds[operation.Target] = await swarm.CreateObjectAsync(operation.ObjectSpec!, cancellationToken);
                break;
            case StackOperationKind.CreateService:
                waiter.Changed(operation.Service!);
                await swarm.CreateServiceAsync(operation.ServiceSpec!, Ids(), Auth(operation), cancellationToken);
                break;
            case StackOperationKind.UpdateService:
                waiter.Changed(operation.Service!);
                await swarm.UpdateServiceAsync(operation.ExistingId!, operation.Version ?? 0, operation.ServiceSpec!, Ids(), Auth(operation), cancellationToken);
                break;
            case StackOperationKind.ScaleService:
                await swarm.ScaleServiceAsync(operation.ExistingId!, operation.ServiceSpec!.Replicas ?? 1, cancellationToken);
                break;
            case StackOperationKind.RemoveService:
                await swarm.RemoveServiceAsync(operation.ExistingId ?? operation.Target, cancellationToken);
                break;
            case StackOperationKind.RemoveSecret or StackOperationKind.RemoveConfig:
                try
                {
                    await swarm.RemoveObjectAsync(operation.Kind == StackOperationKind.RemoveSecret ? SwarmObjectKind.Secret : SwarmObjectKind.Config,
                        operation.ExistingId ?? operation.Target, cancellationToken);
                }
                catch (EngineException inUse) when (inUse.Message.Contains("in use", StringComparison.OrdinalIgnoreCase))
                {
                    progress.Warn($"{operation.Target} is still in use and was kept: {inUse.Message}");
                }

                break;
            case StackOperationKind.RemoveNetwork:
                await swarm.RemoveNetworkAsync(operation.ExistingId ?? operation.Target, cancellationToken);
                break;
        }
    }

    private SwarmObjectIds Ids() => new(secretIds, configIds);

    private RegistryCredentials? Auth(StackOperation operation) =>
        request.RegistryAuth is { } lookup && operation.ServiceSpec is { } spec ? lookup(spec.Container.Image) : null;

    private static (ResourceKind Kind, string Name) Subject(StackOperation operation) => operation.Kind switch
    {
        StackOperationKind.CreateNetwork or StackOperationKind.RemoveNetwork => (ResourceKind.Network, operation.Target),
        StackOperationKind.CreateSecret or StackOperationKind.RemoveSecret => (ResourceKind.Secret, operation.Target),
        StackOperationKind.CreateConfig or StackOperationKind.RemoveConfig => (ResourceKind.Config, operation.Target),
        _ => (ResourceKind.Service, operation.Service ?? operation.Target),
    };

    private static string Working(StackOperationKind kind) => kind switch
    {
        StackOperationKind.UpdateService => "Updating",
        StackOperationKind.ScaleService => "Scaling",
        StackOperationKind.RemoveService or StackOperationKind.RemoveSecret or StackOperationKind.RemoveConfig or StackOperationKind.RemoveNetwork => "Removing",
        _ => "Creating",
    };

    private static string Done(StackOperationKind kind) => kind switch
    {
        StackOperationKind.UpdateService => "Updated",
        StackOperationKind.ScaleService => "Scaled",
        StackOperationKind.RemoveService or StackOperationKind.RemoveSecret or StackOperationKind.RemoveConfig or StackOperationKind.RemoveNetwork => "Removed",
        _ => "Created",
    };
}
