using Composer.Model;

namespace Composer.Orchestration.Services;

/// <summary><c>scale</c>: an up of the named services with their container counts overridden.</summary>
public sealed class ScaleService(OrchestrationContext context)
{
    public Task<VerbResult> ScaleAsync(Project project, ScaleOptions options, CancellationToken cancellationToken) =>
        new UpService(context).UpAsync(project, new UpOptions
        {
            Scale = options.Scale,
            Services = [.. options.Scale.Keys],
            NoDeps = options.NoDeps,
            DryRun = options.DryRun,
        }, cancellationToken);
}
