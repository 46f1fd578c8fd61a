using System.Diagnostics;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Stack;

/// <summary>
/// <c>stack rm</c>: removes the stack's services, secrets, configs and networks (found by the namespace label, so
/// stacks docker deployed go too) and, unless detached, waits until their tasks and networks are gone.
/// </summary>
public sealed class StackRemoveService(OrchestrationContext context)
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>False when the stack had nothing to remove.</summary>
    public async Task<bool> RemoveAsync(string stack, bool wait, CancellationToken cancellationToken)
    {
        var swarm = context.Engine.Swarm;
        await swarm.EnsureManagerAsync(cancellationToken);
        var services = swarm.ListServicesAsync(stack, cancellationToken);
        var objects = swarm.ListObjectsAsync(cancellationToken);
        var networks = swarm.ListNetworksAsync(cancellationToken);
        var ours = (await objects).Where(item => item.Labels.GetValueOrDefault(StackLabels.Namespace) == stack).ToList();
        var stackNetworks = (await networks).Where(network => network.Labels.GetValueOrDefault(StackLabels.Namespace) == stack).ToList();
        var stackServices = await services;
        if (stackServices.Count + ours.Count + stackNetworks.Count == 0)
        {
            return false;
        }

        await Task.WhenAll(stackServices.Select(service => StepAsync(ResourceKind.Service, service.Name,
            token => swarm.RemoveServiceAsync(service.Id, token), cancellationToken)));
        await Task.WhenAll(ours.Select(item => StepAsync(item.Kind == Model.Swarm.SwarmObjectKind.Secret ? ResourceKind.Secret : ResourceKind.Config, item.Name,
            token => swarm.RemoveObjectAsync(item.Kind, item.Id, token), cancellationToken)));

        // A network goes once the manager has no service on it; tasks on the nodes may still be stopping.
        await Task.WhenAll(stackNetworks.Select(network => StepAsync(ResourceKind.Network, network.Name,
            token => RemoveNetworkAsync(swarm, network.Id, token), cancellationToken)));
        if (wait)
        {
            var clock = Stopwatch.StartNew();
            context.Progress.Report(new ProgressEvent(ResourceKind.Service, stack, "Waiting for tasks to stop", ProgressState.Working, TimeSpan.Zero));
            // A task whose container stopped stays listed for a while (a finished job's, for good); only live ones count.
            while ((await swarm.ListTasksAsync(stack, cancellationToken)).Any(task => !IsFinished(task.State)))
            {
                await Task.Delay(PollInterval, cancellationToken);
            }

            context.Progress.Report(new ProgressEvent(ResourceKind.Service, stack, "Tasks stopped", ProgressState.Done, clock.Elapsed));
        }

        return true;
    }

    private static bool IsFinished(string state) => state is "complete" or "shutdown" or "failed" or "rejected" or "orphaned" or "remove";

    private static async Task RemoveNetworkAsync(ISwarmEngine swarm, string id, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await swarm.RemoveNetworkAsync(id, cancellationToken);
                return;
            }
            catch (EngineException busy) when (clock.Elapsed < TimeSpan.FromSeconds(60)
                && (busy.Message.Contains("in use", StringComparison.OrdinalIgnoreCase) || busy.Message.Contains("active endpoints", StringComparison.OrdinalIgnoreCase)))
            {
                await Task.Delay(PollInterval, cancellationToken);
            }
        }
    }

    private async Task StepAsync(ResourceKind kind, string name, Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        context.Progress.Report(new ProgressEvent(kind, name, "Removing", ProgressState.Working, TimeSpan.Zero));
        try
        {
            await action(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            context.Progress.Report(new ProgressEvent(kind, name, "Error", ProgressState.Error, clock.Elapsed));
            throw;
        }

        context.Progress.Report(new ProgressEvent(kind, name, "Removed", ProgressState.Done, clock.Elapsed));
    }
}
