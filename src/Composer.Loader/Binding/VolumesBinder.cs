using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.volumes</c>: short strings become long entries; bind sources become absolute paths.</summary>
internal static class VolumesBinder
{
    private static readonly HashSet<string> LongKeys = ["type", "source", "target", "read_only", "consistency", "bind", "volume", "tmpfs", "image"];
    private static readonly HashSet<string> BindKeys = ["propagation", "create_host_path", "selinux"];
    private static readonly HashSet<string> VolumeKeys = ["nocopy", "subpath"];
    private static readonly HashSet<string> TmpfsKeys = ["size", "mode"];
    private static readonly HashSet<string> Types = ["bind", "volume", "tmpfs", "image", "npipe", "cluster"];

    public static IReadOnlyList<ServiceVolume> Bind(Node node, string path, BindReader reader)
    {
        return reader.ShortOrLongItems<ServiceVolume>(
            node,
            path,
            "a volume string or a mapping",
            (scalar, itemPath) =>
            {
                if (VolumeSpec.TryParse(scalar.Value, reader.Context, out var volume, out var error))
                {
                    return volume is null ? [] : [volume];
                }

                reader.Error(scalar, itemPath, error);
                return [];
            },
            (mapping, itemPath) => BindLong(mapping, itemPath, reader) is { } volume ? [volume] : []);
    }

    private static ServiceVolume? BindLong(MappingNode mapping, string path, BindReader reader)
    {
        reader.RejectUnknownKeys(mapping, path, LongKeys);
        var type = reader.StringAt(mapping, "type", path);
        var target = reader.StringAt(mapping, "target", path);
        if (type is null || !Types.Contains(type))
        {
            reader.Error(mapping["type"] ?? mapping, PathText.Key(path, "type"), "must be one of bind, volume, tmpfs, image, npipe, cluster");
            return null;
        }

        if (string.IsNullOrEmpty(target))
        {
            reader.Error(mapping, PathText.Key(path, "target"), "is required");
            return null;
        }

        var source = reader.StringAt(mapping, "source", path);
        if (type == "bind")
        {
            if (string.IsNullOrEmpty(source))
            {
                reader.Error(mapping, PathText.Key(path, "source"), "is required for a bind mount");
                return null;
            }

            source = HostPath.Resolve(source, reader.Context);
        }

        if (mapping["image"] is not null)
        {
            reader.Warning(mapping["image"]!, PathText.Key(path, "image"), "image mount options are not supported and are ignored");
        }

        return new ServiceVolume
        {
            Type = type,
            Source = string.IsNullOrEmpty(source) ? null : source,
            Target = target,
            ReadOnly = reader.BoolAt(mapping, "read_only", path) ?? false,
            Consistency = reader.StringAt(mapping, "consistency", path),
            Bind = BindOptionsOf(mapping["bind"], PathText.Key(path, "bind"), reader),
            Volume = VolumeOptionsOf(mapping["volume"], PathText.Key(path, "volume"), reader),
            Tmpfs = TmpfsOptionsOf(mapping["tmpfs"], PathText.Key(path, "tmpfs"), reader),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }

    private static BindOptions? BindOptionsOf(Node? node, string path, BindReader reader) =>
        OptionsOf(node, path, reader, BindKeys, mapping => new BindOptions
        {
            Propagation = reader.StringAt(mapping, "propagation", path),
            CreateHostPath = reader.BoolAt(mapping, "create_host_path", path),
            Selinux = reader.StringAt(mapping, "selinux", path),
        });

    private static VolumeOptions? VolumeOptionsOf(Node? node, string path, BindReader reader) =>
        OptionsOf(node, path, reader, VolumeKeys, mapping => new VolumeOptions
        {
            NoCopy = reader.BoolAt(mapping, "nocopy", path),
            Subpath = reader.StringAt(mapping, "subpath", path),
        });

    private static TmpfsOptions? TmpfsOptionsOf(Node? node, string path, BindReader reader) =>
        OptionsOf(node, path, reader, TmpfsKeys, mapping => new TmpfsOptions
        {
            Size = reader.ByteSizeAt(mapping, "size", path),
            Mode = reader.IntAt(mapping, "mode", path),
        });

    /// <summary>One of the per-type option blocks of a long-syntax volume (bind, volume, tmpfs), when present.</summary>
    private static T? OptionsOf<T>(Node? node, string path, BindReader reader, IReadOnlySet<string> keys, Func<MappingNode, T> bind)
        where T : class, new()
    {
        if (node is null || reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, keys);
        return NullIfEmpty(bind(mapping));
    }

    /// <summary>An options object with nothing set says no more than a missing one; keeping one form makes models compare equal.</summary>
    private static T? NullIfEmpty<T>(T options)
        where T : class, new() => options.Equals(new T()) ? null : options;
}
