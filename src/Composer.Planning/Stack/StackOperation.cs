using System.Globalization;
using System.Text;
using Composer.Model.Swarm;

namespace Composer.Planning.Stack;

/// <summary>One swarm call of a stack plan, with the reason it is needed.</summary>
public sealed record StackOperation
{
    public required int Id { get; init; }
    public required StackOperationKind Kind { get; init; }

    /// <summary>The swarm name of the service, network, secret or config.</summary>
    public required string Target { get; init; }

    /// <summary>Why: "new service", "image busybox:local -> busybox:v2", "not in the compose file (--prune)"...</summary>
    public required string Cause { get; init; }

    /// <summary>The compose service key, for service operations.</summary>
    public string? Service { get; init; }

    /// <summary>The existing object's id (update, scale, remove).</summary>
    public string? ExistingId { get; init; }

    /// <summary>UpdateService and ScaleService: the version the update must name.</summary>
    public ulong? Version { get; init; }

    public SwarmServiceSpec? ServiceSpec { get; init; }
    public SwarmNetworkSpec? NetworkSpec { get; init; }
    public SwarmObjectSpec? ObjectSpec { get; init; }

    /// <summary>Service operations: the services (keys) to wait for first, with their depends_on condition.</summary>
    public IReadOnlyDictionary<string, string> WaitFor { get; init; } = SwarmMaps.Empty<string>();

    public IReadOnlyList<int> DependsOn { get; init; } = [];

    /// <summary>The line for this operation in the plan text: stable, for golden tests.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append('#').Append(Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Kind).Append(' ').Append(Target)
            .Append(" (").Append(Cause).Append(')');
        foreach (var (service, condition) in WaitFor)
        {
            text.Append(" after ").Append(service).Append(' ').Append(condition);
        }

        if (DependsOn.Count > 0)
        {
            text.Append(" <-");
            foreach (var dependency in DependsOn.Order())
            {
                text.Append(" #").Append(dependency.ToString(CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }
}
