using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Observation;

namespace Composer.Orchestration.Inspection;

/// <summary>Finds a project's containers (one-off run containers left out) by service and replica number.</summary>
public static class ServiceContainers
{
    /// <summary>The containers of the named services (all services when none are named), by service then number.</summary>
    public static async Task<IReadOnlyList<ContainerSummary>> ListAsync(
        IEngine engine, string projectName, IReadOnlyCollection<string> services, bool runningOnly, CancellationToken cancellationToken)
    {
        var containers = await engine.ListContainersAsync(ProjectObserver.ProjectLabel(projectName), cancellationToken);
        return [.. containers
            .Where(container => container.Labels.GetValueOrDefault(ComposeLabels.OneOff) != "True")
            .Where(container => services.Count == 0 || services.Contains(ServiceOf(container)))
            .Where(container => !runningOnly || container.State is "running" or "restarting")
            .OrderBy(ServiceOf, StringComparer.Ordinal)
            .ThenBy(NumberOf)];
    }

    /// <summary>
    /// The service's container with replica number <paramref name="index"/>, or its lowest-numbered one when no index
    /// is given; throws <see cref="InspectionException"/> when there is none.
    /// </summary>
    public static async Task<ContainerSummary> OneAsync(
        IEngine engine, string projectName, string service, int? index, CancellationToken cancellationToken)
    {
        var containers = await ListAsync(engine, projectName, [service], runningOnly: false, cancellationToken);
        var chosen = index is { } number ? containers.FirstOrDefault(container => NumberOf(container) == number) : containers.FirstOrDefault();
        return chosen ?? throw new InspectionException(index is { } wanted
            ? $"service {service} has no container with index {wanted}"
            : $"service {service} has no container: create or start it first");
    }

    public static string ServiceOf(ContainerSummary container) => container.Labels.GetValueOrDefault(ComposeLabels.Service) ?? "";

    public static int NumberOf(ContainerSummary container) =>
        int.TryParse(container.Labels.GetValueOrDefault(ComposeLabels.ContainerNumber), CultureInfo.InvariantCulture, out var number) ? number : 0;
}
