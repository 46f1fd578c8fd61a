using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Readiness;

/// <summary>
/// Waits until every container of a service meets a depends_on condition. Engine events (start, die,
/// health_status) wake it up; an inspect on each wake-up decides, and a slow periodic inspect covers events
/// missed while the event stream was connecting.
/// </summary>
internal sealed class DependencyWaiter(IEngine engine, TimeSpan fallbackInterval)
{
    public async Task WaitAsync(string projectName, string service, string condition, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var labels = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = projectName,
            [ComposeLabels.Service] = service,
        };
        var wakeUp = new SemaphoreSlim(0);
        var listener = ListenAsync(labels, wakeUp, stop.Token);
        try
        {
            while (true)
            {
                var verdict = await JudgeAsync(labels, service, condition, cancellationToken);
                if (verdict.Failure is not null)
                {
                    throw new DependencyFailedException(verdict.Failure);
                }

                if (verdict.Satisfied)
                {
                    return;
                }

                await wakeUp.WaitAsync(fallbackInterval, cancellationToken);
                while (wakeUp.CurrentCount > 0)
                {
                    await wakeUp.WaitAsync(cancellationToken);
                }
            }
        }
        finally
        {
            await stop.CancelAsync();
            await listener;
        }
    }

    private async Task<ReadinessVerdict> JudgeAsync(IReadOnlyDictionary<string, string?> labels, string service, string condition, CancellationToken cancellationToken)
    {
        var containers = (await engine.ListContainersAsync(labels, cancellationToken))
            .Where(container => container.Labels.GetValueOrDefault(ComposeLabels.OneOff) != "True")
            .ToList();
        if (containers.Count == 0)
        {
            return ReadinessVerdict.Failed($"{service} has no container to wait for");
        }

        foreach (var container in containers)
        {
            var inspection = await engine.InspectContainerAsync(container.Id, cancellationToken);
            if (inspection is null)
            {
                return ReadinessVerdict.Pending;
            }

            var verdict = ReadinessRules.Judge(service, condition, inspection);
            if (!verdict.Satisfied)
            {
                return verdict;
            }
        }

        return ReadinessVerdict.Ready;
    }

    private async Task ListenAsync(IReadOnlyDictionary<string, string?> labels, SemaphoreSlim wakeUp, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var engineEvent in engine.ContainerEventsAsync(labels, cancellationToken))
            {
                if (engineEvent.Action.StartsWith("health_status", StringComparison.Ordinal)
                    || engineEvent.Action is "start" or "die" or "stop" or "destroy" or "restart")
                {
                    wakeUp.Release();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Waiting is over.
        }
        catch (EngineException)
        {
            // Without events the periodic inspect still gets there, only later.
        }
    }
}
