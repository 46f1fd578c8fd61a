using Composer.Model;

namespace Composer.Orchestration.Images;

/// <summary><c>push</c>: pushes the images of services that are built and carry an image name to push under.</summary>
public sealed class PushService(OrchestrationContext context)
{
    /// <summary>Pushes (with --dry-run only lists) the images and returns them.</summary>
    public async Task<IReadOnlyList<ServiceImage>> PushAsync(Project project, PushOptions options, CancellationToken cancellationToken)
    {
        var images = PullService.Selected(project, options.Services, options.IncludeDeps)
            .Where(service => service.Build is not null && service.Image is not null)
            .Select(service => new ServiceImage(service.Name, service.Image!))
            .DistinctBy(image => image.Image, StringComparer.Ordinal)
            .ToList();
        if (!options.DryRun)
        {
            await new ImageTransfer(context, options.Credentials).PushAsync(images, _ => options.IgnorePushFailures, cancellationToken);
        }

        return images;
    }
}
