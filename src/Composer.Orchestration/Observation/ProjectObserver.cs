using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Planning.Observed;

namespace Composer.Orchestration.Observation;

/// <summary>Reads what the engine has for a project into the planner's <see cref="ObservedState"/>.</summary>
internal static class ProjectObserver
{
    public static async Task<ObservedState> ObserveAsync(IEngine engine, Project project, CancellationToken cancellationToken)
    {
        // All questions at once: they are independent, and a no-op up is mostly waiting for these answers.
        var projectLabel = ProjectLabel(project.Name);
        var containers = engine.ListContainersAsync(projectLabel, cancellationToken);
        var namedNetworks = project.Networks
            .Select(async pair => (pair.Key, Found: await engine.FindNetworkAsync(pair.Value.Name, cancellationToken)))
            .ToList();
        var labelledNetworks = engine.ListNetworksAsync(projectLabel, cancellationToken);
        var namedVolumes = project.Volumes
            .Select(async pair => (pair.Key, Found: await engine.FindVolumeAsync(pair.Value.Name, cancellationToken)))
            .ToList();
        var labelledVolumes = engine.ListVolumesAsync(projectLabel, cancellationToken);

        var networks = new List<ObservedNetwork>();
        foreach (var (key, found) in await Task.WhenAll(namedNetworks))
        {
            if (found is not null)
            {
                networks.Add(new ObservedNetwork(found.Id, found.Name, key) { Labels = found.Labels });
            }
        }

        // Labelled ones too: a project known only by name still finds its networks and volumes. Networks are told
        // apart by id, so that duplicates of one name show (DuplicateNetworkRepair removes them).
        foreach (var network in await labelledNetworks)
        {
            if (networks.All(known => known.Id != network.Id))
            {
                networks.Add(new ObservedNetwork(network.Id, network.Name, network.Labels.GetValueOrDefault(ComposeLabels.Network)) { Labels = network.Labels });
            }
        }

        var volumes = new List<ObservedVolume>();
        foreach (var (key, found) in await Task.WhenAll(namedVolumes))
        {
            if (found is not null)
            {
                volumes.Add(ToObserved(found, key));
            }
        }

        foreach (var volume in await labelledVolumes)
        {
            if (volumes.All(known => known.Name != volume.Name))
            {
                volumes.Add(ToObserved(volume, volume.Labels.GetValueOrDefault(ComposeLabels.Volume)));
            }
        }

        return new ObservedState
        {
            Containers = [.. (await containers).Select(ToObserved)],
            Networks = networks,
            Volumes = volumes,
        };
    }

    public static IReadOnlyDictionary<string, string?> ProjectLabel(string projectName) =>
        new Dictionary<string, string?>(StringComparer.Ordinal) { [ComposeLabels.Project] = projectName };

    private static ObservedVolume ToObserved(EngineVolume volume, string? key) =>
        new(volume.Name, key) { Driver = volume.Driver, Options = volume.Options, Labels = volume.Labels };

    private static ObservedContainer ToObserved(ContainerSummary container) => new()
    {
        Id = container.Id,
        Name = container.Name,
        Labels = container.Labels,
        State = container.State,
        Health = container.Health,
        Networks = container.Networks,
    };
}
