using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Interactive;

/// <summary>Finds the running container that stands for replica <c>index</c> of a service (one-off containers never do).</summary>
internal static class ServiceContainerLocator
{
    public static async Task<ContainerSummary> RunningAsync(IEngine engine, string projectName, string service, int index, CancellationToken cancellationToken)
    {
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = projectName,
            [ComposeLabels.Service] = service,
            [ComposeLabels.OneOff] = "False",
        };
        var containers = await engine.ListContainersAsync(labels, cancellationToken);
        var number = index.ToString(CultureInfo.InvariantCulture);
        var container = containers.FirstOrDefault(candidate => candidate.Labels.GetValueOrDefault(ComposeLabels.ContainerNumber) == number);
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
