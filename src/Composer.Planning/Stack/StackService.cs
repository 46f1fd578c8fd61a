using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>A compose service translated for the swarm, with the services it waits for and on what condition.</summary>
public sealed record StackService
{
    public required SwarmServiceSpec Spec { get; init; }

    /// <summary>depends_on: service key to condition (service_started, service_healthy, service_completed_successfully).</summary>
    public IReadOnlyDictionary<string, string> DependsOn { get; init; } = SwarmMaps.Empty<string>();
}
