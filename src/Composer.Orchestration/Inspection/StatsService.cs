using Composer.Engine.Contracts;

namespace Composer.Orchestration.Inspection;

/// <summary><c>stats</c>: one reading of every running container of the named services, read side by side.</summary>
public sealed class StatsService(IEngine engine)
{
    public async Task<IReadOnlyList<StatsRow>> SampleAsync(string projectName, IReadOnlyCollection<string> services, CancellationToken cancellationToken)
    {
        var containers = await ServiceContainers.ListAsync(engine, projectName, services, runningOnly: true, cancellationToken);
        var samples = await Task.WhenAll(containers.Select(async container =>
            (Container: container, Sample: await engine.Tools.StatsAsync(container.Id, cancellationToken))));
        return [.. samples
            .Where(pair => pair.Sample is not null)
            .Select(pair => StatsCalculator.Compute(pair.Sample!, pair.Container.Name))];
    }
}
