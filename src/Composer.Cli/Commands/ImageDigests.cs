using Composer.Cli.Hosting;
using Composer.Model;

namespace Composer.Cli.Commands;

/// <summary>
/// config --resolve-image-digests: each service's image becomes <c>name@sha256:...</c>, the digest the engine knows
/// it by (from a pull or push). An image the engine has no digest for (built here, never pushed) is left as written,
/// with a warning.
/// </summary>
internal static class ImageDigests
{
    public static async Task<Project> PinAsync(CommandInvocation invocation, Project project, CancellationToken cancellationToken)
    {
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var (name, service) in project.Services)
        {
            services[name] = service;
            if (service.Image is not { } image || image.Contains('@', StringComparison.Ordinal))
            {
                continue;
            }

            var details = await session.Engine.Images.InspectAsync(image, cancellationToken);
            var repository = Repository(image);
            var digest = details?.RepoDigests.FirstOrDefault(candidate => Repository(candidate) == repository) ?? details?.RepoDigests.FirstOrDefault();
            if (digest is null)
            {
                invocation.Output.Warn($"service \"{name}\": no digest known for image {image}; left as it is");
                continue;
            }

            services[name] = service with { Image = repository + digest[digest.IndexOf('@', StringComparison.Ordinal)..] };
        }

        await session.CloseProgressAsync();
        return project with { Services = services };
    }

    // "reg:5000/app:1" -> "reg:5000/app", "app@sha256:..." -> "app": the name without tag or digest.
    private static string Repository(string image)
    {
        var at = image.IndexOf('@', StringComparison.Ordinal);
        var name = at >= 0 ? image[..at] : image;
        var slash = name.LastIndexOf('/');
        var colon = name.LastIndexOf(':');
        return colon > slash ? name[..colon] : name;
    }
}
