using Composer.Model;

namespace Composer.Orchestration.Images;

/// <summary><c>pull</c>: pulls the images of the selected services, one pull per distinct image.</summary>
public sealed class PullService(OrchestrationContext context)
{
    /// <summary>Pulls (with --dry-run only lists) the images and returns them.</summary>
    public async Task<IReadOnlyList<ServiceImage>> PullAsync(Project project, PullOptions options, CancellationToken cancellationToken)
    {
        var images = Selected(project, options.Services, options.IncludeDeps)
            // A build-only service's image is made here, not pulled; build and never say "do not pull".
            .Where(service => service.Image is not null && !(options.IgnoreBuildable && service.Build is not null))
            .Where(service => PullPolicies.Of(service).Kind is not (PullPolicyKind.Build or PullPolicyKind.Never))
            .Select(service => new ServiceImage(service.Name, service.Image!))
            .DistinctBy(image => image.Image, StringComparer.Ordinal)
            .ToList();
        if (options.Policy == "missing")
        {
            var present = await Task.WhenAll(images.Select(image => context.Engine.ImageExistsAsync(image.Image, cancellationToken)));
            images = [.. images.Where((_, index) => !present[index])];
        }

        if (options.DryRun)
        {
            return images;
        }

        // An image that can be built may well not be in any registry yet.
        var buildable = project.Services.Values.Where(service => service.Build is not null).Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
        await new ImageTransfer(context, options.Credentials).PullAsync(
            images, image => options.IgnorePullFailures || buildable.Contains(image.Service), cancellationToken);
        return images;
    }

    internal static IEnumerable<Service> Selected(Project project, IReadOnlyList<string> names, bool includeDeps) =>
        names.Count == 0 ? project.Services.Values
        : includeDeps ? Composer.Model.DependencyGraph.FromServices(project.Services).WithDependencies(names).Select(name => project.Services[name])
        : names.Select(name => project.Services[name]);
}
