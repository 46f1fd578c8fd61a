using Composer.Engine.Contracts;
using Composer.Orchestration.Inspection;

namespace Composer.Orchestration.Interactive;

/// <summary>Finds the running container that stands for replica <c>index</c> of a service (one-off containers never do).</summary>
internal static class ServiceContainerLocator
{
    public static async Task<ContainerSummary> RunningAsync(IEngine engine, string projectName, string service, int index, CancellationToken cancellationToken)
    {
        var containers = await ServiceContainers.ListAsync(engine, projectName, [service], runningOnly: false, cancellationToken);
        var container = containers.FirstOrDefault(candidate => ServiceContainers.NumberOf(candidate) == index);
        if (container is null)
        {
            throw new EngineException(index == 1
                ? $"service \"{service}\" has no container: start it with up first"
                : $"service \"{service}\" has no container number {index}");
        }

        if (container.State != "running")
        {
            throw new EngineException($"container {container.Name} of service \"{service}\" is not running ({container.State})");
        }

        return container;
    }
}
