using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Engine.Validation;

/// <summary>
/// Refuses, before anything is sent to the engine, the attributes that the container translation does not apply
/// yet. Silently dropping them would start containers that differ from what the file says.
/// </summary>
public static class ServiceSupportValidator
{
    private static readonly HashSet<string> SupportedVolumeTypes = new(StringComparer.Ordinal) { "bind", "volume", "tmpfs" };

    public static void ThrowIfUnsupported(Project project, IEnumerable<string>? services = null)
    {
        var problems = Problems(project, services);
        if (problems.Count > 0)
        {
            throw new UnsupportedServiceException(problems);
        }
    }

    public static IReadOnlyList<string> Problems(Project project, IEnumerable<string>? services = null)
    {
        var selected = services?.ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        foreach (var service in project.Services.Values.Where(service => selected is null || selected.Contains(service.Name)))
        {
            void Refuse(string attribute, string why) =>
                problems.Add($"service \"{service.Name}\": {attribute} {why}");

            if (ServiceProvider.Is(service))
            {
                if (ProviderProblem(service) is { } problem)
                {
                    Refuse("provider", problem);
                }

                continue;
            }

            if (service.Other.Values.ContainsKey("models"))
            {
                Refuse("models", ModelRunnerProblem());
            }

            if (service.Image is null && service.Build is null)
            {
                Refuse("build", "is missing and so is image");
            }

            if (service.Build is not null)
            {
                foreach (var problem in BuildSupportValidator.Problems(service.Build))
                {
                    Refuse("build", problem);
                }
            }

            foreach (var reference in service.Secrets)
            {
                if (FileObjectProblem(project, project.Secrets, reference, "secret") is { } problem)
                {
                    Refuse($"secrets ({reference.Source})", problem);
                }
            }

            foreach (var reference in service.Configs)
            {
                if (FileObjectProblem(project, project.Configs, reference, "config") is { } problem)
                {
                    Refuse($"configs ({reference.Source})", problem);
                }
            }

            foreach (var volume in service.Volumes)
            {
                if (!SupportedVolumeTypes.Contains(volume.Type))
                {
                    Refuse($"volumes ({volume.Target})", $"of type {volume.Type} are not supported yet");
                }
                else if (volume.Type == "volume" && volume.Source is not null && !project.Volumes.ContainsKey(volume.Source))
                {
                    Refuse($"volumes ({volume.Target})", $"use volume \"{volume.Source}\" that is not declared under the top-level volumes");
                }
            }

            foreach (var key in service.Networks.Keys)
            {
                if (!project.Networks.ContainsKey(key))
                {
                    Refuse($"networks ({key})", "is not declared under the top-level networks");
                }
            }

            if (service.NetworkMode is null && service.Networks.Count == 0 && !project.Networks.ContainsKey("default"))
            {
                Refuse("networks", "are empty and the project has no default network");
            }

            // The service's MAC address is its first network's: a different one named on that network contradicts it.
            if (service.MacAddress is { } macAddress && service.NetworkMode is null
                && NetworkOrder.Ordered(service)[0] is { Value.MacAddress: { } networkMac } first
                && !string.Equals(networkMac, macAddress, StringComparison.OrdinalIgnoreCase))
            {
                Refuse($"mac_address {macAddress}", $"differs from networks.{first.Key}.mac_address {networkMac}, the first network's, which it would set too");
            }

            // The engine runs a container in the uts namespace of the host or its own (it accepts and ignores
            // container:x) and its cgroup namespace is host or private: another container's cannot be shared.
            if (service.Uts is { Target: not ReferenceTarget.Mode } uts)
            {
                Refuse($"uts {uts}", "cannot be shared: the engine gives a container the host's uts namespace or its own");
            }

            if (service.Cgroup is { Target: not ReferenceTarget.Mode } cgroup)
            {
                Refuse($"cgroup {cgroup}", "cannot be shared: the engine's cgroup namespace modes are host and private");
            }

            foreach (var key in service.Other.Values.Keys.Where(key => key != "models"))
            {
                Refuse(key, "is not supported yet");
            }
        }

        if (project.Models.Values.Count > 0 && !problems.Any(problem => problem.Contains(": models ", StringComparison.Ordinal)))
        {
            problems.Add($"models ({string.Join(", ", project.Models.Values.Keys)}) {ModelRunnerProblem()}");
        }

        return problems;
    }

    /// <summary>A provider service is run by the docker-&lt;type&gt; CLI plugin (or &lt;type&gt; on PATH).</summary>
    private static string? ProviderProblem(Service service)
    {
        if (ServiceProvider.Of(service) is not { } provider)
        {
            return "has no type";
        }

        if (provider.Type == "compose")
        {
            return "type \"compose\" is not a valid provider type";
        }

        return CliPlugins.FindProvider(provider.Type) is null ? CliPlugins.MissingProvider(provider.Type) : null;
    }

    /// <summary>Models are served by Docker Model Runner, which docker compose reaches through the docker-model plugin.</summary>
    private static string ModelRunnerProblem() =>
        CliPlugins.Find("model") is string plugin
            ? $"are not run by Composer yet (Docker Model Runner's plugin is {plugin})"
            : "need Docker Model Runner (the docker-model plugin), which this engine does not have";

    private static string? FileObjectProblem(Project project, IReadOnlyDictionary<string, FileObject> declared, FileReference reference, string kind)
    {
        if (!declared.TryGetValue(reference.Source, out var fileObject))
        {
            return $"use {kind} \"{reference.Source}\" that is not declared under the top-level {kind}s";
        }

        if (fileObject.External)
        {
            return $"use external {kind} \"{reference.Source}\": external {kind}s are swarm objects, a single engine has none";
        }

        if (fileObject.File is not null || fileObject.Content is not null)
        {
            return null;
        }

        if (fileObject.Environment is null)
        {
            return $"use {kind} \"{reference.Source}\" that has no file, environment or content";
        }

        var isSet = project.Environment.ContainsKey(fileObject.Environment) || System.Environment.GetEnvironmentVariable(fileObject.Environment) is not null;
        return isSet ? null : $"use {kind} \"{reference.Source}\" from environment variable {fileObject.Environment}, which is not set";
    }
}
