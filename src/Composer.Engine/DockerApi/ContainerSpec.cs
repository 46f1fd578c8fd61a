using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>
/// The create call plus the networks to join before start: engines before API 1.44 accept only one network at
/// create time.
/// </summary>
internal sealed record ContainerSpec(CreateContainerParameters Parameters, IReadOnlyList<KeyValuePair<string, EndpointSettings>> ExtraNetworks);
