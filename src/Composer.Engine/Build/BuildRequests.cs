using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Engine.Build;

/// <summary>Turns a service's build section, plus the command line's overrides, into a <see cref="BuildRequest"/>.</summary>
public static class BuildRequests
{
    public static BuildRequest For(Project project, Service service, BuildOverrides overrides)
    {
        var build = service.Build ?? throw new ArgumentException($"service {service.Name} has no build section", nameof(service));
        var args = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in build.Args)
        {
            // An arg listed without a value and not set in the environment is left for the Dockerfile's default.
            if (value is not null)
            {
                args[key] = value;
            }
        }

        foreach (var (key, value) in overrides.Args)
        {
            args[key] = value;
        }

        var image = ImageNames.For(project, service);
        return new BuildRequest
        {
            ServiceName = service.Name,
            Context = build.Context,
            Dockerfile = build.Dockerfile,
            DockerfileInline = build.DockerfileInline,
            Tags = [image, .. build.Tags.Where(tag => tag != image).Distinct(StringComparer.Ordinal)],
            Args = args,
            Target = build.Target,
            Labels = build.Labels,
            Network = build.Network,
            ExtraHosts = [.. build.ExtraHosts.Select(host => $"{host.Host}:{host.Address}")],
            ShmSize = build.ShmSize,
            NoCache = overrides.NoCache || build.NoCache == true,
            Pull = overrides.Pull || build.Pull == true,
        };
    }

    /// <summary>
    /// The services to build, one per image: services that share an image name are built once, by the first
    /// (in name order) that has a build section.
    /// </summary>
    public static IReadOnlyList<Service> OnePerImage(Project project, IEnumerable<Service> services) =>
        [.. services
            .Where(service => service.Build is not null)
            .OrderBy(service => service.Name, StringComparer.Ordinal)
            .GroupBy(service => ImageNames.For(project, service), StringComparer.Ordinal)
            .Select(group => group.First())];
}
