using Composer.Model.Swarm;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi.Swarm;

/// <summary>
/// The placement platforms of a resolved image, as docker stack derives them: attestation entries (unknown os or
/// architecture) left out, "arm" without an architecture (nodes report armv7l and would never match), duplicates
/// of one os/architecture once.
/// </summary>
internal static class ImagePlatforms
{
    public static IReadOnlyList<SwarmImagePlatform> Of(IEnumerable<Platform>? platforms) =>
        [.. (platforms ?? [])
            .Where(platform => platform.OS != "unknown" && platform.Architecture != "unknown")
            .Select(platform => new SwarmImagePlatform(platform.OS ?? "",
                string.Equals(platform.Architecture, "arm", StringComparison.OrdinalIgnoreCase) ? "" : platform.Architecture ?? ""))
            .Distinct()];
}
