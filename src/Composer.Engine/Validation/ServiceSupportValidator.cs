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

            if (service.Annotations.Count > 0)
            {
                Refuse("annotations", "need a newer engine API than 1.41");
            }

            if (service.MacAddress is not null)
            {
                Refuse("mac_address", "is not supported yet");
            }

            if (service.StorageOpt.Count > 0)
            {
                Refuse("storage_opt", "is not supported yet");
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

                if (volume.Volume?.Subpath is not null)
                {
                    Refuse($"volumes ({volume.Target})", "subpath needs a newer engine API than 1.41");
                }
            }

            foreach (var (key, attachment) in service.Networks)
            {
                if (!project.Networks.ContainsKey(key))
                {
                    Refuse($"networks ({key})", "is not declared under the top-level networks");
                }

                if (attachment?.GwPriority is not null)
                {
                    Refuse($"networks ({key})", "gw_priority needs a newer engine API than 1.41");
                }
            }

            if (service.NetworkMode is null && service.Networks.Count == 0 && !project.Networks.ContainsKey("default"))
            {
                Refuse("networks", "are empty and the project has no default network");
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

            foreach (var key in service.Other.Values.Keys)
            {
                Refuse(key, "is not supported yet");
            }
        }

        foreach (var (key, network) in project.Networks.Where(pair => !pair.Value.External && pair.Value.EnableIpv4 == false))
        {
            problems.Add($"network \"{key}\": enable_ipv4: false needs a newer engine API than 1.41");
        }

        return problems;
    }

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
