using Composer.Engine.Contracts;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>Turns a <see cref="BuildRequest"/> into the engine's build parameters for the classic builder.</summary>
internal static class BuildParametersTranslator
{
    public static ImageBuildParameters Translate(BuildRequest request, string dockerfileInArchive) => new()
    {
        Dockerfile = dockerfileInArchive,
        Tags = [.. request.Tags],
        BuildArgs = request.Args.ToDictionary(StringComparer.Ordinal),
        Target = request.Target,
        Labels = request.Labels.ToDictionary(StringComparer.Ordinal),
        NetworkMode = request.Network,
        ExtraHosts = request.ExtraHosts.Count == 0 ? null : [.. request.ExtraHosts],
        ShmSize = request.ShmSize,
        NoCache = request.NoCache,
        Pull = request.Pull ? "1" : null,

        // Intermediate containers of failed steps would otherwise pile up.
        Remove = true,
        ForceRemove = true,
    };
}
