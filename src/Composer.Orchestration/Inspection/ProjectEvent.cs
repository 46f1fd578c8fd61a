using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Inspection;

/// <summary>
/// A container event of a project as <c>events</c> prints it. The compose labels are left out of the attributes:
/// the service has its own field and the rest repeats the project on every line.
/// </summary>
public sealed record ProjectEvent(DateTimeOffset Time, string Type, string Action, string Id, string Service, IReadOnlyDictionary<string, string> Attributes)
{
    public static ProjectEvent From(EngineEvent engineEvent, DateTimeOffset now) => new(
        engineEvent.Time ?? now,
        "container",
        engineEvent.Action,
        engineEvent.ContainerId,
        engineEvent.Attributes.GetValueOrDefault(ComposeLabels.Service) ?? "",
        new SortedDictionary<string, string>(
            engineEvent.Attributes
                .Where(attribute => !attribute.Key.StartsWith("com.docker.compose.", StringComparison.Ordinal))
                .ToDictionary(attribute => attribute.Key, attribute => attribute.Value, StringComparer.Ordinal),
            StringComparer.Ordinal));

    /// <summary>"2024-05-01 10:00:00.123456 container start 3f2a... (image=busybox, name=p-web-1)".</summary>
    public string ToText() =>
        $"{Time.UtcDateTime:yyyy-MM-dd HH:mm:ss.ffffff} {Type} {Action} {Id} ({string.Join(", ", Attributes.Select(attribute => attribute.Key + "=" + attribute.Value))})";
}
