using System.Globalization;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Observation;

namespace Composer.Orchestration.Services;

/// <summary><c>ps</c>: the project's containers, by service then number.</summary>
public sealed class PsService(OrchestrationContext context)
{
    public async Task<IReadOnlyList<PsRow>> ListAsync(string projectName, PsOptions options, CancellationToken cancellationToken)
    {
        var containers = await context.Engine.ListContainersAsync(ProjectObserver.ProjectLabel(projectName), cancellationToken);
        return [.. containers
            .Where(container => options.All || (container.State is "running" or "restarting" or "paused"
                && container.Labels.GetValueOrDefault(ComposeLabels.OneOff) != "True"))
            .Where(container => options.Services.Count == 0 || options.Services.Contains(container.Labels.GetValueOrDefault(ComposeLabels.Service) ?? ""))
            .Select(ToRow)
            .OrderBy(row => row.Service, StringComparer.Ordinal)
            .ThenBy(row => row.Number)
            .ThenBy(row => row.Name, StringComparer.Ordinal)];
    }

    private static PsRow ToRow(ContainerSummary container) => new(
        container.Id,
        container.Name,
        container.Labels.GetValueOrDefault(ComposeLabels.Service) ?? "",
        int.TryParse(container.Labels.GetValueOrDefault(ComposeLabels.ContainerNumber), CultureInfo.InvariantCulture, out var number) ? number : 0,
        container.Image,
        container.Command,
        container.Created,
        container.State,
        container.Health,
        container.Status,
        FormatPorts(container.Ports),
        container.Labels)
    {
        Publishers = container.Ports,
        Networks = container.Networks,
    };

    internal static string FormatPorts(IReadOnlyList<PublishedPort> ports) => string.Join(", ", ports
        .OrderBy(port => port.ContainerPort)
        .ThenBy(port => port.Protocol, StringComparer.Ordinal)
        .ThenBy(port => port.HostIp, StringComparer.Ordinal)
        .Select(port => port.HostPort is { } hostPort
            ? $"{(port.HostIp is null ? "" : port.HostIp.Contains(':', StringComparison.Ordinal) ? $"[{port.HostIp}]:" : port.HostIp + ":")}{hostPort}->{port.ContainerPort}/{port.Protocol}"
            : $"{port.ContainerPort}/{port.Protocol}")
        .Distinct(StringComparer.Ordinal));
}
