using Composer.Model;

namespace Composer.Loader.Tests.Support;

/// <summary>Builds small model projects for the stages that run after binding.</summary>
internal static class Projects
{
    public static Project With(params Service[] services) => new()
    {
        Name = "test",
        WorkingDirectory = "/project",
        Services = new SortedDictionary<string, Service>(services.ToDictionary(service => service.Name), StringComparer.Ordinal),
    };

    public static Service Service(string name, string[]? profiles = null, params string[] dependsOn) => new()
    {
        Name = name,
        Image = "image",
        Profiles = profiles ?? [],
        DependsOn = new SortedDictionary<string, ServiceDependency>(
            dependsOn.ToDictionary(dependency => dependency, _ => new ServiceDependency()), StringComparer.Ordinal),
    };

    public static IReadOnlyDictionary<string, T> Map<T>(params (string Key, T Value)[] entries) =>
        new SortedDictionary<string, T>(entries.ToDictionary(entry => entry.Key, entry => entry.Value), StringComparer.Ordinal);
}
