using System.Globalization;
using System.Text;

namespace Composer.Planning.Plans;

/// <summary>
/// One engine step. <see cref="Target"/> is what the engine is asked about: a container name or id, a network or
/// volume name, or (for <see cref="OperationKind.WaitForDependency"/>) the service waited for.
/// </summary>
public sealed record Operation
{
    public required int Id { get; init; }
    public required OperationKind Kind { get; init; }
    public required string Target { get; init; }

    /// <summary>An existing container's id; the executor addresses it by id when set, else by <see cref="Target"/>.</summary>
    public string? ContainerId { get; init; }

    /// <summary>The service a container operation is for, or the dependency a wait is for.</summary>
    public string? Service { get; init; }

    /// <summary>Container number, for CreateContainer.</summary>
    public int? Number { get; init; }

    /// <summary>The compose key of a network or volume to create.</summary>
    public string? ResourceKey { get; init; }

    /// <summary>RenameContainer: the final name.</summary>
    public string? NewName { get; init; }

    /// <summary>CreateContainer and CreateNetwork: the config hash label to set.</summary>
    public string? ConfigHash { get; init; }

    /// <summary>CreateContainer: Composer's own label with the canonical form (<see cref="Hashing.ConfigLabel"/>).</summary>
    public string? ConfigLabel { get; init; }

    /// <summary>Why the step is in the plan: "environment.API_URL changed", "scale 1 -> 2", "image rebuilt", ...</summary>
    public string? Cause { get; init; }

    /// <summary>
    /// CreateContainer: the id of the image it runs, when up resolved it (built images, and images another service
    /// builds), recorded in the image label so that the next up sees a rebuild.
    /// </summary>
    public string? ImageId { get; init; }

    /// <summary>WaitForDependency: service_started, service_healthy or service_completed_successfully.</summary>
    public string? Condition { get; init; }

    /// <summary>WaitForDependency: false means a failure is only a warning.</summary>
    public bool Required { get; init; } = true;

    /// <summary>StopContainer: how long to wait before the engine kills; null is the engine default.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>RemoveContainer: also remove its anonymous volumes.</summary>
    public bool RemoveVolumes { get; init; }

    /// <summary>KillContainer: the signal to send; null is SIGKILL.</summary>
    public string? Signal { get; init; }

    /// <summary>ProviderUp and ProviderDown: the provider's type, which names the tool that runs the service.</summary>
    public string? ProviderType { get; init; }

    public IReadOnlyList<int> DependsOn { get; init; } = [];

    /// <summary>
    /// Set on the create, stop, remove and rename steps that replace a container: progress then shows one
    /// "Recreate" line under this (final) name instead of four steps on two names.
    /// </summary>
    public string? RecreateOf { get; init; }

    /// <summary>The line for this operation in a plan's text; stable so that tests can compare whole plans.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append('#').Append(Id.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(Kind).Append(' ').Append(Target);
        switch (Kind)
        {
            case OperationKind.RenameContainer:
                text.Append(" -> ").Append(NewName);
                break;
            case OperationKind.WaitForDependency:
                text.Append(' ').Append(Condition);
                if (!Required)
                {
                    text.Append(" optional");
                }

                break;
            case OperationKind.StopContainer when Timeout is { } timeout:
                text.Append(" timeout=").Append(timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)).Append('s');
                break;
            case OperationKind.RemoveContainer when RemoveVolumes:
                text.Append(" with-volumes");
                break;
            case OperationKind.PullImage or OperationKind.BuildImage or OperationKind.PushImage:
                text.Append(" for ").Append(Service);
                break;
            case OperationKind.KillContainer when Signal is not null:
                text.Append(' ').Append(Signal);
                break;
            case OperationKind.ProviderUp or OperationKind.ProviderDown:
                text.Append(" by ").Append(ProviderType);
                break;
        }

        if (DependsOn.Count > 0)
        {
            text.Append(" <-");
            foreach (var dependency in DependsOn.Order())
            {
                text.Append(" #").Append(dependency.ToString(CultureInfo.InvariantCulture));
            }
        }

        if (Cause is not null)
        {
            text.Append(" (").Append(Cause).Append(')');
        }

        return text.ToString();
    }
}
