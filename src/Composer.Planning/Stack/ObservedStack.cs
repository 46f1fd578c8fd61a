using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>
/// What the swarm holds that a deploy compares with: the stack's services, and every network, secret and config (the
/// stack's own carry its namespace label; external ones are found by name).
/// </summary>
public sealed record ObservedStack
{
    public IReadOnlyList<SwarmServiceState> Services { get; init; } = [];
    public IReadOnlyList<SwarmNetworkState> Networks { get; init; } = [];
    public IReadOnlyList<SwarmObjectState> Objects { get; init; } = [];
}
