using Composer.Model;

namespace Composer.Orchestration.Images;

/// <summary><c>pull</c>: pulls the images of the selected services, one pull per distinct image.</summary>
public sealed class PullService(OrchestrationContext context)
{
    public Task PullAsync(Project project, PullOptions options, CancellationToken cancellationToken)
    {
        var images = Selected(project, options.Services)
            // A build-only service's image is made here, not pulled; build and never say "do not pull".
            .Where(service => service.Image is not null && !(options.IgnoreBuildable && service.Build is not null))
            .Where(service => PullPolicies.Of(service).Kind is not (PullPolicyKind.Build or PullPolicyKind.Never))
            .Select(service => new ServiceImage(service.Name, service.Image!))
            .DistinctBy(image => image.Image, StringComparer.Ordinal)
            .ToList();
        // An image that can be built may well not be in any registry yet.
        var buildable = project.Services.Values.Where(service => service.Build is not null).Select(service => service.Name).ToHashSet(StringComparer.Ordinal);
        return new ImageTransfer(context, options.Credentials).PullAsync(
            images, image => options.IgnorePullFailures || buildable.Contains(image.Service), cancellationToken);
    }

    internal static IEnumerable<Service> Selected(Project project, IReadOnlyList<string> names) =>
        names.Count == 0 ? project.Services.Values : names.Select(name => project.Services[name]);
}
