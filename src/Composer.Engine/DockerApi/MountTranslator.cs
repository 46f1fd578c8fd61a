// Docker.DotNet models declare their strings non-nullable, yet the engine API reads null as "not set".
#pragma warning disable CS8601, CS8625

using Composer.Model;
using Docker.DotNet.Models;
using TmpfsOptions = Docker.DotNet.Models.TmpfsOptions;
using VolumeOptions = Docker.DotNet.Models.VolumeOptions;

namespace Composer.Engine.DockerApi;

/// <summary>
/// Service volumes to engine mounts. Binds go through the legacy Binds list because API 1.41 mounts cannot create
/// a missing host folder, which compose users expect.
/// </summary>
internal static class MountTranslator
{
    public static List<string> Binds(Service service) =>
        [.. service.Volumes.Where(volume => volume.Type == "bind").Select(Bind)];

    public static List<Mount> Mounts(Project project, Service service)
    {
        var mounts = new List<Mount>();
        foreach (var volume in service.Volumes)
        {
            switch (volume.Type)
            {
                case "volume" when volume.Source is not null:
                    mounts.Add(new Mount
                    {
                        Type = "volume",
                        Source = project.Volumes.TryGetValue(volume.Source, out var declared) ? declared.Name : volume.Source,
                        Target = volume.Target,
                        ReadOnly = volume.ReadOnly,
                        VolumeOptions = volume.Volume is { } options && (options.NoCopy is not null || options.Subpath is not null)
                            ? new VolumeOptions { NoCopy = options.NoCopy ?? false, Subpath = options.Subpath }
                            : null,
                    });
                    break;
                case "tmpfs":
                    mounts.Add(new Mount
                    {
                        Type = "tmpfs",
                        Target = volume.Target,
                        ReadOnly = volume.ReadOnly,
                        TmpfsOptions = volume.Tmpfs is null ? null : new TmpfsOptions
                        {
                            SizeBytes = volume.Tmpfs.Size,
                            Mode = volume.Tmpfs.Mode is { } mode ? (uint)mode : null,
                        },
                    });
                    break;
            }
        }

        return mounts;
    }

    /// <summary>Anonymous volumes are declared in the config; the engine names them.</summary>
    public static Dictionary<string, EmptyStruct> AnonymousVolumes(Service service) =>
        service.Volumes.Where(volume => volume.Type == "volume" && volume.Source is null)
            .ToDictionary(volume => volume.Target, _ => default(EmptyStruct), StringComparer.Ordinal);

    public static Dictionary<string, string> Tmpfs(Service service)
    {
        var tmpfs = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in service.Tmpfs)
        {
            var colon = entry.IndexOf(':', StringComparison.Ordinal);
            tmpfs[colon < 0 ? entry : entry[..colon]] = colon < 0 ? "" : entry[(colon + 1)..];
        }

        return tmpfs;
    }

    private static string Bind(ServiceVolume volume)
    {
        var options = new List<string>();
        if (volume.ReadOnly)
        {
            options.Add("ro");
        }

        if (volume.Bind?.Selinux is { } selinux)
        {
            options.Add(selinux);
        }

        if (volume.Bind?.Propagation is { } propagation)
        {
            options.Add(propagation);
        }

        var spec = $"{volume.Source}:{volume.Target}";
        return options.Count == 0 ? spec : $"{spec}:{string.Join(',', options)}";
    }
}
