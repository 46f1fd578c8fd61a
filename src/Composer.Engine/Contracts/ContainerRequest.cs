using Composer.Model;

namespace Composer.Engine.Contracts;

/// <summary>Everything needed to create one container of a service.</summary>
public sealed record ContainerRequest
{
    public required Project Project { get; init; }
    public required Service Service { get; init; }
    public required string Name { get; init; }
    public required int Number { get; init; }
    public required string ConfigHash { get; init; }

    /// <summary>Composer's own label with the canonical form the container is created from; null leaves it off.</summary>
    public string? ConfigLabel { get; init; }
    public bool OneOff { get; init; }

    /// <summary>
    /// The id of the image the container runs, recorded in its labels so that a rebuilt image is noticed; null
    /// records the image name.
    /// </summary>
    public string? ImageId { get; init; }

    /// <summary>
    /// For <c>network_mode: service:x</c> and <c>volumes_from: x</c>: the container that currently stands for
    /// service x. The caller looks it up; the engine layer does not decide which one.
    /// </summary>
    public IReadOnlyDictionary<string, string> ServiceContainers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
