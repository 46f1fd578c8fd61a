using Composer.Engine.Contracts;
using Composer.Planning.Stack;

namespace Composer.Orchestration.Stack;

/// <summary>Reads what a deploy compares with: the stack's services, and all networks, secrets and configs, at once.</summary>
internal static class StackObserver
{
    public static async Task<ObservedStack> ObserveAsync(ISwarmEngine swarm, string stack, CancellationToken cancellationToken)
    {
        var services = swarm.ListServicesAsync(stack, cancellationToken);
        var networks = swarm.ListNetworksAsync(cancellationToken);
        var objects = swarm.ListObjectsAsync(cancellationToken);
        return new ObservedStack { Services = await services, Networks = await networks, Objects = await objects };
    }
}
