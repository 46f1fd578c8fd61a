using Composer.Engine.Contracts;

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
            var (serviceName, alias) = Split(link);
            links.Add($"{FirstContainer(request, serviceName)}:{alias}");
        }

        foreach (var link in request.Service.ExternalLinks)
        {
            var (container, alias) = Split(link);
            links.Add($"{container}:{alias}");
        }

        return links;
    }

    private static (string Name, string Alias) Split(string link)
    {
        var colon = link.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (link, link) : (link[..colon], link[(colon + 1)..]);
    }

    // Same naming rule as the planner's; the engine layer does not depend on the planner.
    private static string FirstContainer(ContainerRequest request, string serviceName) =>
        request.Project.Services.TryGetValue(serviceName, out var linked) && linked.ContainerName is not null
            ? linked.ContainerName
            : $"{request.Project.Name}-{serviceName}-1";
}
