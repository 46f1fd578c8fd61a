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
                .Select(service => ComposeNames.BuiltImage(project, service.Name)),
            DownImageRemoval.All => project.Services.Values.Select(service => ComposeNames.Image(project, service)),
            _ => [],
        };
        return images.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal);
    }
}
