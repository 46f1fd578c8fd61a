namespace Composer.Planning.Observed;

/// <summary>What the engine runs for one project at one moment.</summary>
public sealed record ObservedState
{
    public static ObservedState Empty { get; } = new();

    public IReadOnlyList<ObservedContainer> Containers { get; init; } = [];
    public IReadOnlyList<ObservedNetwork> Networks { get; init; } = [];
    public IReadOnlyList<ObservedVolume> Volumes { get; init; } = [];

    public bool HasNetwork(string name) => Networks.Any(network => network.Name == name);

    public ObservedNetwork? NetworkNamed(string name) => Networks.FirstOrDefault(network => network.Name == name);

    public bool HasVolume(string name) => Volumes.Any(volume => volume.Name == name);

    public ObservedVolume? VolumeNamed(string name) => Volumes.FirstOrDefault(volume => volume.Name == name);

    /// <summary>The service's regular (not one-off) containers, lowest number first.</summary>
    public IReadOnlyList<ObservedContainer> ContainersOf(string service) =>
        [.. Containers.Where(container => container.Service == service && !container.IsOneOff)
            .OrderBy(container => container.Number)
            .ThenBy(container => container.Name, StringComparer.Ordinal)];
}
