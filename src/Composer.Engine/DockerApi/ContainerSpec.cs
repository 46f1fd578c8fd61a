using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>
/// The create call, the networks to join before start (engines before API 1.44 accept only one network at create
/// time), the files to copy into the container before start, and the container-wide MAC address (engines before API
/// 1.44 take it only there; Docker.DotNet's parameters have no such field, so it is sent beside them).
/// </summary>
internal sealed record ContainerSpec(
    CreateContainerParameters Parameters,
    IReadOnlyList<KeyValuePair<string, EndpointSettings>> ExtraNetworks,
    IReadOnlyList<ContainerFile> Files,
    string? ContainerMacAddress = null);
