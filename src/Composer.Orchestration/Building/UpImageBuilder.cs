using Composer.Engine.Build;
using Composer.Model;
using Composer.Orchestration.Services;
using Composer.Planning;

namespace Composer.Orchestration.Building;

/// <summary>
/// The build step of up: builds what is missing (or everything with --build), then reports the image id of every
/// built service so that the planner recreates containers that run an older build.
/// </summary>
internal sealed class UpImageBuilder(OrchestrationContext context)
{
    public async Task<IReadOnlyDictionary<string, string>> PrepareAsync(
        Project project, IEnumerable<string> serviceNames, UpOptions options, List<ImageStep> steps, CancellationToken cancellationToken)
    {
        var withBuild = serviceNames.Where(name => project.Services[name].Build is not null).ToList();
        if (withBuild.Count == 0)
        {
            return new Dictionary<string, string>(StringComparer.Ordinal);
        }

        if (!options.NoBuild && options.DryRun)
        {
            steps.AddRange((await new BuildService(context).ToBuildAsync(project, withBuild, options.Build, cancellationToken))
                .Select(service => new ImageStep(service.Name, ImageNames.For(project, service), Build: true)));
        }
        else if (!options.NoBuild)
        {
            await new BuildService(context).BuildMissingAsync(project, withBuild, options.Build, cancellationToken);
        }

        var builtIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in withBuild)
        {
            var image = ImageNames.For(project, project.Services[name]);
            if (!builtIds.ContainsKey(image) && await context.Engine.ImageIdAsync(image, cancellationToken) is { } imageId)
            {
                builtIds[image] = imageId;
            }
        }

        // A service with only `image:` that names what another service builds runs that build too: a rebuild
        // recreates it as well.
        var imageIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in serviceNames)
        {
            if (builtIds.TryGetValue(ImageNames.For(project, project.Services[name]), out var imageId))
            {
                imageIds[name] = imageId;
            }
        }

        return imageIds;
    }
}
