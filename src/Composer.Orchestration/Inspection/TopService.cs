using Composer.Engine.Contracts;

namespace Composer.Orchestration.Inspection;

/// <summary><c>top</c>: the processes of every running container of the named services, by service then number.</summary>
public sealed class TopService(IEngine engine)
{
    public async Task<IReadOnlyList<(ContainerSummary Container, ProcessTable Processes)>> ListAsync(
        string projectName, IReadOnlyCollection<string> services, CancellationToken cancellationToken)
    {
        var containers = await ServiceContainers.ListAsync(engine, projectName, services, runningOnly: true, cancellationToken);
        return await Task.WhenAll(containers.Select(async container => (container, await engine.Tools.TopAsync(container.Id, cancellationToken))));
    }
}
