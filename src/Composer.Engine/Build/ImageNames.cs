using Composer.Model;

namespace Composer.Engine.Build;

/// <summary>The image a service runs: its <c>image</c>, or for a service that is only built, project-service.</summary>
public static class ImageNames
{
    public static string For(Project project, Service service) =>
        ComposeNames.Image(project, service);

    /// <summary>
    /// The project with every build-only service given the name its image is built under, so that containers are
    /// created from it.
    /// </summary>
    public static Project WithBuiltImageNames(Project project)
    {
        if (!project.Services.Values.Any(service => service.Image is null && service.Build is not null))
        {
            return project;
        }

        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var (name, service) in project.Services)
        {
            services[name] = service.Image is null && service.Build is not null ? service with { Image = For(project, service) } : service;
        }

        return project with { Services = services };
    }
}
