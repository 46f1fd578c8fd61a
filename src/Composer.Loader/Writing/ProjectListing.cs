using Composer.Model;

namespace Composer.Loader.Writing;

/// <summary>The one-name-per-line listings of <c>config --services/--volumes/--networks/--profiles/--images</c>.</summary>
public static class ProjectListing
{
    public static IReadOnlyList<string> Services(Project project) => project.Services.Keys.ToList();

    public static IReadOnlyList<string> Volumes(Project project) => project.Volumes.Keys.ToList();

    public static IReadOnlyList<string> Networks(Project project) => project.Networks.Keys.ToList();

    /// <summary>Every profile named by any service, enabled or not, sorted and without repeats.</summary>
    public static IReadOnlyList<string> Profiles(Project project) =>
        project.Services.Values.Concat(project.DisabledServices.Values)
            .SelectMany(service => service.Profiles)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>The image each service runs; a service that only builds gets &lt;project&gt;-&lt;service&gt;, as docker compose names it.</summary>
    public static IReadOnlyList<string> Images(Project project) =>
        project.Services.Values.Select(service => ComposeNames.Image(project, service)).ToList();
}
