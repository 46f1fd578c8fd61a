using Composer.Engine.Registry;
using Composer.Model;
using Composer.Orchestration.Services;

namespace Composer.Orchestration.Building;

/// <summary>
/// The image step up and run share: pulls what the services' pull_policy asks for (every service checked before
/// anything is pulled), then builds what is missing or must be rebuilt. Returns the image id of every built service.
/// </summary>
internal sealed class ImagePreparation(OrchestrationContext context)
{
    public async Task<IReadOnlyDictionary<string, string>> PrepareAsync(
        Project project, IEnumerable<string> serviceNames, UpOptions options, CancellationToken cancellationToken)
    {
        var names = serviceNames.ToList();
        await new UpImagePuller(context, RegistryCredentialStore.FromProcess(), TimeProvider.System).PrepareAsync(project, names, options.DryRun, cancellationToken);
        return await new UpImageBuilder(context).PrepareAsync(project, names, options, cancellationToken);
    }
}
