using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Planning;
using Composer.Planning.Observed;

namespace Composer.Orchestration.Recovery;

/// <summary>
/// Puts right what an up that was killed half-way left behind, before the next plan is made, so that the planner
/// only ever sees one container per service and number, under its final name:
/// <list type="bullet">
/// <item>a recreate's replacement (temporary name &lt;old id&gt;_&lt;name&gt;) next to the container it was to replace is
/// removed: the old one is intact, and the planner will recreate it again if it still differs;</item>
/// <item>a replacement whose old container is already gone is renamed to the final name: it is the recreate's result;</item>
/// <item>a never-started container missing some of its networks (killed between create and network connect) is
/// removed, so the planner creates it whole.</item>
/// </list>
/// </summary>
internal static class InterruptedRunRepair
{
    /// <summary>
    /// Repairs what <paramref name="containers"/> (the project's observed containers) show was left half-done; true
    /// when the engine was changed, so the caller observes again before planning.
    /// </summary>
    public static async Task<bool> RepairAsync(IEngine engine, Project project, IReadOnlyList<ObservedContainer> containers, CancellationToken cancellationToken)
    {
        var repaired = false;
        var names = containers.Where(container => !container.IsOneOff).Select(container => container.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var container in containers.Where(container => !container.IsOneOff))
        {
            if (container.Service is not { } serviceName
                || !project.Services.TryGetValue(serviceName, out var service)
                || container.Number <= 0)
            {
                continue;
            }

            var finalName = ComposeNames.Container(project, service, container.Number);
            if (IsTemporaryNameFor(container.Name, finalName))
            {
                if (names.Contains(finalName))
                {
                    await engine.RemoveContainerAsync(container.Id, force: true, removeVolumes: false, cancellationToken);
                }
                else
                {
                    await engine.RenameContainerAsync(container.Id, finalName, cancellationToken);
                    names.Add(finalName);
                }

                repaired = true;
            }
            else if (container.State == "created" && await MissesNetworksAsync(engine, project, service, container.Id, cancellationToken))
            {
                await engine.RemoveContainerAsync(container.Id, force: true, removeVolumes: false, cancellationToken);
                repaired = true;
            }
        }

        return repaired;
    }

    /// <summary>True for the names <see cref="ComposeNames.Temporary"/> gives: up to 12 hex digits, '_', the final name.</summary>
    public static bool IsTemporaryNameFor(string name, string finalName)
    {
        var prefixLength = name.Length - finalName.Length - 1;
        return prefixLength is > 0 and <= 12
            && name.EndsWith(finalName, StringComparison.Ordinal)
            && name[prefixLength] == '_'
            && name[..prefixLength].All(Uri.IsHexDigit);
    }

    private static async Task<bool> MissesNetworksAsync(IEngine engine, Project project, Service service, string containerId, CancellationToken cancellationToken)
    {
        if (service.NetworkMode is not null)
        {
            return false;
        }

        var wanted = (service.Networks.Count == 0 ? ["default"] : service.Networks.Keys)
            .Where(project.Networks.ContainsKey)
            .Select(key => project.Networks[key].Name)
            .ToList();
        if (await engine.InspectContainerAsync(containerId, cancellationToken) is not { } inspected)
        {
            return false;
        }

        return wanted.Any(network => !inspected.Networks.ContainsKey(network));
    }
}
