using System.Globalization;
using System.Text;
using Composer.Engine.Contracts;
using Composer.Model;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>
/// A service's secrets and configs on a single engine (no swarm): host files become read-only binds, inline
/// content and environment values become files copied in before start.
/// </summary>
internal static class FileObjectTranslator
{
    private const string SecretsDirectory = "/run/secrets/";
    private const int DefaultMode = 0b100_100_100; // 0444

    /// <remarks>
    /// A bind shows the host file as it is: uid, gid and mode of the reference cannot be applied to it without
    /// changing the host file, so they are accepted and left to the file's own ownership and permissions.
    /// These are mounts rather than legacy binds so that a missing host file fails the create instead of the engine
    /// creating an empty folder in its place.
    /// </remarks>
    public static List<Mount> Mounts(ContainerRequest request) =>
    [
        .. Uses(request)
            .Where(use => use.Declared.File is not null)
            .Select(use => new Mount { Type = "bind", Source = use.Declared.File!, Target = use.Target, ReadOnly = true }),
    ];

    public static List<ContainerFile> Files(ContainerRequest request) =>
    [
        .. Uses(request)
            .Where(use => use.Declared.File is null)
            .Select(use => new ContainerFile(
                use.Target,
                Encoding.UTF8.GetBytes(FileObjectContent.Inline(request.Project, use.Declared) ?? ""),
                Id(use.Reference.Uid),
                Id(use.Reference.Gid),
                use.Reference.Mode ?? DefaultMode)),
    ];

    /// <summary>Where a reference lands: secrets under /run/secrets/, configs at the root.</summary>
    public static string Target(FileReference reference, bool isSecret)
    {
        var target = reference.Target ?? reference.Source;
        if (target.StartsWith('/'))
        {
            return target;
        }

        return (isSecret ? SecretsDirectory : "/") + target;
    }

    private static IEnumerable<(FileReference Reference, FileObject Declared, string Target)> Uses(ContainerRequest request)
    {
        var project = request.Project;
        foreach (var reference in request.Service.Secrets)
        {
            if (project.Secrets.TryGetValue(reference.Source, out var declared) && !declared.External)
            {
                yield return (reference, declared, Target(reference, isSecret: true));
            }
        }

        foreach (var reference in request.Service.Configs)
        {
            if (project.Configs.TryGetValue(reference.Source, out var declared) && !declared.External)
            {
                yield return (reference, declared, Target(reference, isSecret: false));
            }
        }
    }

    private static int Id(string? value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0;
}
