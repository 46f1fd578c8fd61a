using Composer.Engine.Contracts;

namespace Composer.Orchestration.Inspection;

/// <summary><c>wait</c>: blocks until the services' containers stop, reporting each exit as it happens.</summary>
public sealed class WaitService(IEngine engine)
{
    /// <summary>
    /// Waits for every container (or only the first one to stop when <paramref name="firstOnly"/>) and returns the
    /// exit code of the first container that stopped.
    /// </summary>
    public async Task<long> WaitAsync(
        string projectName, IReadOnlyCollection<string> services, bool firstOnly, Action<ContainerSummary, long> exited, CancellationToken cancellationToken)
    {
        var containers = await ServiceContainers.ListAsync(engine, projectName, services, runningOnly: false, cancellationToken);
        if (containers.Count == 0)
        {
            throw new InspectionException($"no containers to wait for in project {projectName}");
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pending = containers.Select(container => WaitOneAsync(container, stop.Token)).ToList();
        long? first = null;
        while (pending.Count > 0)
        {
            var done = await Task.WhenAny(pending);
            pending.Remove(done);
            var (container, code) = await done;
            exited(container, code);
            first ??= code;
            if (firstOnly)
            {
                await stop.CancelAsync();
                break;
            }
        }

        await Task.WhenAll(pending).ContinueWith(_ => { }, TaskScheduler.Default);
        return first ?? 0;
    }

    private async Task<(ContainerSummary Container, long Code)> WaitOneAsync(ContainerSummary container, CancellationToken cancellationToken)
    {
        // A container removed meanwhile has no exit code left to report; it counts as a clean stop.
        var code = await engine.WaitContainerAsync(container.Id, cancellationToken);
        return (container, code ?? 0);
    }
}
