using Composer.Engine.Contracts;

namespace Composer.Orchestration.Inspection;

/// <summary><c>stats</c>: one reading of every running container of the named services, read side by side.</summary>
public sealed class StatsService(IEngine engine)
{
    /// <summary>One reading per container; <paramref name="all"/> (stats -a) includes stopped containers, which read as zero.</summary>
    public async Task<IReadOnlyList<StatsRow>> SampleAsync(string projectName, IReadOnlyCollection<string> services, CancellationToken cancellationToken, bool all = false)
    {
        var containers = await ServiceContainers.ListAsync(engine, projectName, services, runningOnly: !all, cancellationToken);
        var samples = await Task.WhenAll(containers.Select(async container =>
            (Container: container, Sample: await engine.Tools.StatsAsync(container.Id, cancellationToken))));
        return [.. samples
            .Where(pair => pair.Sample is not null)
            .Select(pair => StatsCalculator.Compute(pair.Sample!, pair.Container.Name))];
    }
}
