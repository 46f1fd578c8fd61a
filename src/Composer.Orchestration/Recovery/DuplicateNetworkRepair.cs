using Composer.Engine.Contracts;
using Composer.Orchestration.Progress;
using Composer.Planning.Observed;

namespace Composer.Orchestration.Recovery;

/// <summary>
/// Engines before API 1.44 accept two networks of one name, and runs of older versions that raced made such pairs;
/// the engine then refuses the name as ambiguous, so neither up nor down could go on. Of each such set one network
/// is kept (the one most containers are on, else the oldest) and the others are removed by id, with the project's
/// containers on them: the plan that follows creates those again on the network that stays (or down removes them
/// anyway).
/// </summary>
internal static class DuplicateNetworkRepair
{
    /// <summary>True when the engine was changed, so the caller observes again before planning.</summary>
    public static async Task<bool> RepairAsync(IEngine engine, ObservedState observed, IProgressSink progress, CancellationToken cancellationToken)
    {
        var repaired = false;
        var projectContainers = observed.Containers.Select(container => container.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var set in observed.Networks.GroupBy(network => network.Name, StringComparer.Ordinal).Where(set => set.Count() > 1))
        {
            var inspected = (await Task.WhenAll(set.Select(network => engine.InspectNetworkAsync(network.Id, cancellationToken))))
                .OfType<EngineNetwork>()
                .OrderByDescending(network => network.Containers.Count)
                .ThenBy(network => network.Created)
                .ThenBy(network => network.Id, StringComparer.Ordinal)
                .ToList();
            if (inspected.Count <= 1)
            {
                continue;
            }

            var removed = new List<string>();
            foreach (var duplicate in inspected.Skip(1))
            {
                if (duplicate.Containers.Any(container => !projectContainers.Contains(container)))
                {
                    progress.Warn($"network {duplicate.Name} exists {inspected.Count} times and {Short(duplicate.Id)} has containers of other projects on it; "
                        + "disconnect them to let composer remove it");
                    continue;
                }

                foreach (var container in duplicate.Containers)
                {
                    await engine.RemoveContainerAsync(container, force: true, removeVolumes: false, cancellationToken);
                }

                await engine.RemoveNetworkAsync(duplicate.Id, cancellationToken);
                removed.Add(Short(duplicate.Id));
                repaired = true;
            }

            if (removed.Count > 0)
            {
                progress.Warn($"network {inspected[0].Name} existed {inspected.Count} times: kept {Short(inspected[0].Id)}, removed {string.Join(", ", removed)} "
                    + "and the containers on them");
            }
        }

        return repaired;
    }

    private static string Short(string id) => id[..Math.Min(12, id.Length)];
}
