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

            if (service.Secrets.Count > 0)
            {
                Refuse("secrets", "are not supported yet");
            }

            if (service.Configs.Count > 0)
            {
                Refuse("configs", "are not supported yet");
            }

            if (service.Links.Count > 0)
            {
                Refuse("links", "are not supported yet; services reach each other by name on their networks");
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
}
