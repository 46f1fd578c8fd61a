using Composer.Model;

namespace Composer.Planning;

/// <summary>The images down --rmi removes, in name order, each once. Images the engine lacks are skipped when run.</summary>
internal static class DownImages
{
    public static IEnumerable<string> ToRemove(Project project, DownImageRemoval removal)
    {
        var images = removal switch
        {
            DownImageRemoval.Local => project.Services.Values
                .Where(service => service.Image is null)
                .Select(service => BuiltName(project, service)),
            DownImageRemoval.All => project.Services.Values.Select(service => service.Image ?? BuiltName(project, service)),
            _ => [],
        };
        return images.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }

    // The same name Engine.Build.ImageNames gives a build-only service; Planning does not reference the engine.
    private static string BuiltName(Project project, Service service) => $"{project.Name}-{service.Name}".ToLowerInvariant();
}
