namespace Composer.Model;

/// <summary>
/// A request for devices a driver hands out (GPUs): from <c>gpus</c>, <c>deploy.resources.reservations.devices</c>
/// and CDI names in <c>devices</c>.
/// </summary>
public sealed record DeviceRequest
{
    public const int AllDevices = -1;

    public string? Driver { get; init; }

    /// <summary>How many devices; <see cref="AllDevices"/> for <c>all</c>; null when not set.</summary>
    public int? Count { get; init; }
    public IReadOnlyList<string> DeviceIds { get; init; } = [];
    public IReadOnlyList<string> Capabilities { get; init; } = [];
    public IReadOnlyDictionary<string, string> Options { get; init; } = new SortedDictionary<string, string>(StringComparer.Ordinal);
}
