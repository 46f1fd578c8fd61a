using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// The short syntax of <c>services.*.volumes</c>: <c>TARGET</c> (anonymous volume), <c>SOURCE:TARGET[:OPTIONS]</c>.
/// A source that looks like a path (<c>.</c>, <c>/</c>, <c>~</c>) is a bind mount, anything else names a volume.
/// Options are comma separated: ro, rw, z, Z, a propagation mode, nocopy, or a consistency.
/// </summary>
internal static class VolumeSpec
{
    private static readonly HashSet<string> Propagations = ["shared", "rshared", "slave", "rslave", "private", "rprivate"];
    private static readonly HashSet<string> Consistencies = ["cached", "delegated", "consistent", "default"];

    public static bool TryParse(string spec, BindContext context, out ServiceVolume? volume, out string error)
    {
        volume = null;
        error = string.Empty;
        var parts = SplitParts(spec);
        if (parts.Count is 0 or > 3 || parts.Exists(part => part.Length == 0))
        {
            error = $"invalid volume \"{spec}\" (expected [SOURCE:]TARGET[:OPTIONS])";
            return false;
        }

        if (parts.Count == 1)
        {
            volume = new ServiceVolume { Type = "volume", Target = parts[0] };
            return true;
        }

        var source = parts[0];
        var target = parts[1];
        var isBind = HostPath.LooksLikePath(source);
        var readOnly = false;
        string? selinux = null;
        string? propagation = null;
        string? consistency = null;
        bool? noCopy = null;
        if (parts.Count == 3)
        {
            foreach (var option in parts[2].Split(','))
            {
                switch (option)
                {
                    case "ro":
                        readOnly = true;
                        break;
                    case "rw":
                        readOnly = false;
                        break;
                    case "z" or "Z":
                        selinux = option;
                        break;
                    case "nocopy":
                        noCopy = true;
                        break;
                    case var mode when Propagations.Contains(mode):
                        propagation = mode;
                        break;
                    case var mode when Consistencies.Contains(mode):
                        consistency = mode;
                        break;
                    default:
                        error = $"invalid volume \"{spec}\": unknown option \"{option}\"";
                        return false;
                }
            }
        }

        if (isBind)
        {
            volume = new ServiceVolume
            {
                Type = "bind",
                Source = HostPath.Resolve(source, context),
                Target = target,
                ReadOnly = readOnly,
                Consistency = consistency,
                // The short syntax has always created a missing host folder; only the long syntax can opt out.
                Bind = new BindOptions { CreateHostPath = true, Selinux = selinux, Propagation = propagation },
            };
            return true;
        }

        volume = new ServiceVolume
        {
            Type = "volume",
            Source = source,
            Target = target,
            ReadOnly = readOnly,
            Consistency = consistency,
            Volume = noCopy is null ? null : new VolumeOptions { NoCopy = noCopy },
        };
        return true;
    }

    /// <summary>Splits on colons, except the one after a Windows drive letter (<c>C:\data:/data</c>).</summary>
    private static List<string> SplitParts(string spec)
    {
        var parts = new List<string>();
        var start = 0;
        for (var position = 0; position < spec.Length; position++)
        {
            if (spec[position] != ':')
            {
                continue;
            }

            var isDriveLetter = position - start == 1 && char.IsAsciiLetter(spec[start])
                && position + 1 < spec.Length && spec[position + 1] is '\\' or '/';
            if (isDriveLetter)
            {
                continue;
            }

            parts.Add(spec[start..position]);
            start = position + 1;
        }

        parts.Add(spec[start..]);
        return parts;
    }
}
