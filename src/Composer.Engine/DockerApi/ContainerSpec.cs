using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>
/// The create call, the networks to join before start (engines before API 1.44 accept only one network at create
/// time) and the files to copy into the container before start.
/// </summary>
internal sealed record ContainerSpec(
    CreateContainerParameters Parameters,
    IReadOnlyList<KeyValuePair<string, EndpointSettings>> ExtraNetworks,
    IReadOnlyList<ContainerFile> Files);
