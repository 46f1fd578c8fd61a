using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Planning.Hashing;

namespace Composer.Orchestration.Interactive;

/// <summary>
/// The networks and named volumes one service needs, created when missing: run --no-deps on a project that was
/// never up still has somewhere to attach.
/// </summary>
internal static class ProjectResources
{
    public static async Task EnsureAsync(IEngine engine, Project project, Service service, CancellationToken cancellationToken)
    {
        // A service that names no network is on the project's default one, as the container translator attaches it.
        IEnumerable<string> networks = service.NetworkMode is not null ? [] : service.Networks.Count == 0 ? ["default"] : service.Networks.Keys;
        foreach (var key in networks)
        {
            if (project.Networks.TryGetValue(key, out var network) && !network.External)
            {
                await engine.CreateNetworkAsync(new NetworkRequest(project.Name, key, network) { ConfigHash = NetworkConfigHash.Compute(network) }, cancellationToken);
            }
        }

        foreach (var mount in service.Volumes.Where(mount => mount.Type == "volume" && mount.Source is not null))
        {
            if (project.Volumes.TryGetValue(mount.Source!, out var volume) && !volume.External
                && await engine.FindVolumeAsync(volume.Name, cancellationToken) is null)
            {
                await engine.CreateVolumeAsync(new VolumeRequest(project.Name, mount.Source!, volume) { ConfigHash = VolumeConfigHash.Compute(volume) }, cancellationToken);
            }
        }
    }
}
