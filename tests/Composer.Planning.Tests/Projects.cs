using Composer.Model;
using Composer.Planning.Hashing;
using Composer.Planning.Observed;

namespace Composer.Planning.Tests;

/// <summary>Small projects and observed states built in code for the planner tests.</summary>
internal static class Projects
{
    public static Service Service(string name, params string[] dependsOn) => new()
    {
        Name = name,
        Image = "busybox:latest",
        DependsOn = new SortedDictionary<string, ServiceDependency>(
            dependsOn.ToDictionary(dependency => dependency, _ => new ServiceDependency()), StringComparer.Ordinal),
    };

    public static Project Project(string name, params Service[] services) => new()
    {
        Name = name,
        WorkingDirectory = "/srv/" + name,
        Services = new SortedDictionary<string, Service>(services.ToDictionary(service => service.Name), StringComparer.Ordinal),
        Networks = new SortedDictionary<string, Network>(StringComparer.Ordinal) { ["default"] = new() { Name = name + "_default" } },
    };

    public static ObservedContainer Running(Project project, string service, int number, string? hash = null) => new()
    {
        Id = $"id-{service}-{number}",
        Name = $"{project.Name}-{service}-{number}",
        State = "running",
        Labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ComposeLabels.Project] = project.Name,
            [ComposeLabels.Service] = service,
            [ComposeLabels.ContainerNumber] = number.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [ComposeLabels.ConfigHash] = hash ?? (project.Services.TryGetValue(service, out var definition) ? ConfigHash.Compute(project, definition) : "old"),
        },
    };

    /// <summary>Everything of the project already running, one container per service.</summary>
    public static ObservedState UpToDate(Project project) => new()
    {
        Containers = [.. project.Services.Keys.Select(service => Running(project, service, 1))],
        Networks = [.. project.Networks.Values.Select(network => new ObservedNetwork("net-" + network.Name, network.Name, null))],
        Volumes = [.. project.Volumes.Values.Select(volume => new ObservedVolume(volume.Name, null))],
    };
}
