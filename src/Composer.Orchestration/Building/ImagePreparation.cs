using Composer.Model;
using Composer.Orchestration.Services;
using Composer.Planning;

namespace Composer.Orchestration.Building;

/// <summary>
/// The image step up and run share: pulls what the services' pull_policy asks for (every service checked before
/// anything is pulled), then builds what is missing or must be rebuilt. Returns the image id of every built service
/// and, for --dry-run, the pulls and builds it would have done (nothing is pulled or built then).
/// </summary>
internal sealed class ImagePreparation(OrchestrationContext context)
{
    public async Task<(IReadOnlyDictionary<string, string> ImageIds, IReadOnlyList<ImageStep> DryRunSteps)> PrepareAsync(
        Project project, IEnumerable<string> serviceNames, UpOptions options, CancellationToken cancellationToken)
    {
        var names = serviceNames.ToList();
        var pulls = await new UpImagePuller(context, context.Credentials, TimeProvider.System)
            .PrepareAsync(project, names, options.DryRun, options.Pull, cancellationToken);
        var steps = options.DryRun
            ? pulls.Select(pull => new ImageStep(pull.Service, pull.Image, Build: false)).ToList()
            : [];
        var imageIds = await new UpImageBuilder(context).PrepareAsync(project, names, options, steps, cancellationToken);
        return (imageIds, steps);
    }
}
