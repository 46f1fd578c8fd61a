using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Engine.DockerApi;

/// <summary>
/// links and external_links to the engine's "container:alias" form. A link names a service, and stands for the
/// service's first container (the one other services reach by default); external links name a container.
/// </summary>
internal static class LinkTranslator
{
    public static List<string> Links(ContainerRequest request)
    {
        var links = new List<string>();
        foreach (var link in request.Service.Links)
        {
            links.Add($"{FirstContainer(request, link.Name)}:{link.HostName}");
        }

        foreach (var link in request.Service.ExternalLinks)
        {
            links.Add($"{link.Name}:{link.HostName}");
        }

        return links;
    }

    private static string FirstContainer(ContainerRequest request, string serviceName) =>
        request.Project.Services.TryGetValue(serviceName, out var linked)
            ? ComposeNames.Container(request.Project, linked, 1)
            : ComposeNames.Container(request.Project, serviceName, 1);
}
