using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Planning.Observed;

namespace Composer.Orchestration.Observation;

/// <summary>Reads what the engine has for a project into the planner's <see cref="ObservedState"/>.</summary>
internal static class ProjectObserver
{
    public static async Task<ObservedState> ObserveAsync(IEngine engine, Project project, CancellationToken cancellationToken)
    {
        var projectLabel = ProjectLabel(project.Name);
        var containers = await engine.ListContainersAsync(projectLabel, cancellationToken);
        var networks = new List<ObservedNetwork>();
        foreach (var (key, network) in project.Networks)
        {
            if (await engine.FindNetworkAsync(network.Name, cancellationToken) is { } found)
            {
                networks.Add(new ObservedNetwork(found.Id, found.Name, key));
            }
        }

        // Labelled ones too: a project known only by name still finds its networks and volumes.
        foreach (var network in await engine.ListNetworksAsync(projectLabel, cancellationToken))
        {
            if (networks.All(known => known.Name != network.Name))
            {
                networks.Add(new ObservedNetwork(network.Id, network.Name, network.Labels.GetValueOrDefault(ComposeLabels.Network)));
            }
        }

        var volumes = new List<ObservedVolume>();
        foreach (var (key, volume) in project.Volumes)
        {
            if (await engine.FindVolumeAsync(volume.Name, cancellationToken) is { } found)
            {
                volumes.Add(new ObservedVolume(found.Name, key));
            }
        }

        foreach (var volume in await engine.ListVolumesAsync(projectLabel, cancellationToken))
        {
            if (volumes.All(known => known.Name != volume.Name))
            {
                volumes.Add(new ObservedVolume(volume.Name, volume.Labels.GetValueOrDefault(ComposeLabels.Volume)));
            }
        }

        return new ObservedState
        {
            Containers = [.. containers.Select(ToObserved)],
            Networks = networks,
            Volumes = volumes,
        };
    }

    public static IReadOnlyDictionary<string, string?> ProjectLabel(string projectName) =>
        new Dictionary<string, string?>(StringComparer.Ordinal) { [ComposeLabels.Project] = projectName };

    private static ObservedContainer ToObserved(ContainerSummary container) => new()
    {
        Id = container.Id,
        Name = container.Name,
        Labels = container.Labels,
        State = container.State,
        Health = container.Health,
    };
}
