using System.Runtime.CompilerServices;
using Composer.Engine.Contracts;
using Composer.Orchestration.Observation;

namespace Composer.Orchestration.Inspection;

/// <summary><c>events</c>: the project's container events (of the named services only, when any), until cancelled.</summary>
public sealed class EventsService(IEngine engine)
{
    public async IAsyncEnumerable<ProjectEvent> StreamAsync(
        string projectName, IReadOnlyCollection<string> services, [EnumeratorCancellation] CancellationToken cancellationToken,
        string? since = null, string? until = null)
    {
        await foreach (var engineEvent in engine.ContainerEventsAsync(ProjectObserver.ProjectLabel(projectName), since, until, cancellationToken))
        {
            var projectEvent = ProjectEvent.From(engineEvent, DateTimeOffset.UtcNow);
            if (services.Count == 0 || services.Contains(projectEvent.Service))
            {
                yield return projectEvent;
            }
        }
    }
}
