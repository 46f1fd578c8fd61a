using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Execution;

/// <summary>
/// Creates a container and, when the name is taken or the engine's answer was lost, looks at what holds the name
/// before deciding: a container of the same service, number and configuration that has run is adopted; one that was
/// only created (by a run that was killed before it could finish it, so its extra networks or files may be missing)
/// or that differs is replaced. A container of anything else keeps its name and the create fails with that name.
/// </summary>
internal sealed class ContainerCreator(IEngine engine, IProgressSink progress)
{
    private const int MaxAttempts = 3;

    public async Task<string> CreateAsync(ContainerRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await engine.CreateContainerAsync(request, cancellationToken);
            }
            catch (EngineException exception) when (exception is ContainerNameInUseException or EngineOutcomeUnknownException && attempt < MaxAttempts)
            {
                var existing = await engine.InspectContainerAsync(request.Name, cancellationToken);
                if (existing is null)
                {
                    // The lost create never happened: send it again.
                    continue;
                }

                if (!IsSameContainer(existing, request))
                {
                    throw;
                }

                if (existing.State != "created" && existing.Labels.GetValueOrDefault(ComposeLabels.ConfigHash) == request.ConfigHash)
                {
                    return existing.Id;
                }

                progress.Warn($"container {request.Name} was left half-made by an earlier run; creating it again");
                await engine.RemoveContainerAsync(existing.Id, force: true, removeVolumes: false, cancellationToken);
            }
        }
    }

    private static bool IsSameContainer(ContainerInspection existing, ContainerRequest request) =>
        existing.Labels.GetValueOrDefault(ComposeLabels.Project) == request.Project.Name
        && existing.Labels.GetValueOrDefault(ComposeLabels.Service) == request.Service.Name
        && existing.Labels.GetValueOrDefault(ComposeLabels.OneOff, "False") == (request.OneOff ? "True" : "False");
}
