using Composer.Model;
using Composer.Orchestration.Images;
using Composer.Orchestration.Services;

namespace Composer.Orchestration.Stack;

/// <summary>
/// <c>stack deploy --build --push</c>: a swarm's nodes cannot build, they pull. So the images of services with a
/// build section are built on the engine the command talks to (the manager) and pushed to the registry each
/// <c>image:</c> names, before any service is created or updated with them.
/// </summary>
internal sealed class StackImages(OrchestrationContext context)
{
    /// <summary>What --dry-run prints for the images: one line per image built, then per image pushed.</summary>
    public static IReadOnlyList<string> Steps(Project project, StackDeployRequest request)
    {
        var built = Built(project);
        return
        [
            .. request.Build ? built.Select(image => $"BuildImage {image.Image} for {image.Service}") : [],
            .. request.Push ? built.Select(image => $"PushImage {image.Image} for {image.Service}") : [],
        ];
    }

    /// <summary>The images --build/--push publish (as written in image:).</summary>
    public static IEnumerable<string> Published(Project project) => Built(project).Select(image => image.Image);

    public async Task PrepareAsync(Project project, StackDeployRequest request, CancellationToken cancellationToken)
    {
        if (request.Build)
        {
            await new BuildService(context).BuildAsync(project, new BuildOptions(), cancellationToken);
        }

        if (request.Push)
        {
            var credentials = request.PushCredentials ?? throw new InvalidOperationException("--push needs the registry credential store");
            await new PushService(context).PushAsync(project, new PushOptions { Credentials = credentials }, cancellationToken);
        }
    }

    /// <summary>One per image, in service order: the translator already refused a build without an image.</summary>
    private static List<ServiceImage> Built(Project project) =>
        [.. project.Services.Values.Where(service => service.Build is not null && service.Image is not null)
            .Select(service => new ServiceImage(service.Name, service.Image!))
            .DistinctBy(image => image.Image, StringComparer.Ordinal)];
}
