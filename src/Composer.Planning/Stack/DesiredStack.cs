using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>Everything a compose file asks of the swarm, before it is compared with what runs there.</summary>
public sealed record DesiredStack
{
    public required string Name { get; init; }
    public IReadOnlyList<StackService> Services { get; init; } = [];
    public IReadOnlyList<SwarmNetworkSpec> Networks { get; init; } = [];
    public IReadOnlyList<string> ExternalNetworks { get; init; } = [];
    public IReadOnlyList<StackObject> Objects { get; init; } = [];

    /// <summary>Attributes Swarm cannot apply but that leave the running application as it is.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
