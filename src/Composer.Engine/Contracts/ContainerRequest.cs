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

    /// <summary>The service's name and aliases as DNS aliases on its networks; run leaves them out unless --use-aliases.</summary>
    public bool ServiceAliases { get; init; } = true;

    /// <summary>
    /// The id of the image the container runs, recorded in its labels so that a rebuilt image is noticed; null
    /// records the image name.
    /// </summary>
    public string? ImageId { get; init; }

    /// <summary>
    /// For <c>network_mode: service:x</c> and <c>volumes_from: x</c>: the container that currently stands for
    /// service x. The caller looks it up; the engine layer does not decide which one.
    /// </summary>
    /// <summary>
    /// Receives the warnings the engine returns with the created container (a setting the kernel cannot apply and
    /// the engine discarded, such as a block I/O weight without the CFQ scheduler).
    /// </summary>
    public Action<string>? OnEngineWarning { get; init; }

    public IReadOnlyDictionary<string, string> ServiceContainers { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);
}
