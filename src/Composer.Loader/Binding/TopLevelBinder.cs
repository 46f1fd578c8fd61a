using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>The top-level <c>networks</c>, <c>volumes</c>, <c>secrets</c> and <c>configs</c> sections.</summary>
internal static class TopLevelBinder
{
    private static readonly HashSet<string> NetworkKeys =
        ["name", "driver", "driver_opts", "external", "internal", "attachable", "enable_ipv4", "enable_ipv6", "ipam", "labels"];
    private static readonly HashSet<string> IpamKeys = ["driver", "config", "options"];
    private static readonly HashSet<string> PoolKeys = ["subnet", "ip_range", "gateway", "aux_addresses"];
    private static readonly HashSet<string> VolumeKeys = ["name", "driver", "driver_opts", "external", "labels"];
    private static readonly HashSet<string> FileKeys =
        ["name", "file", "environment", "content", "external", "labels", "driver", "driver_opts", "template_driver"];

    public static SortedDictionary<string, T> Section<T>(
        Node? node, string path, BindReader reader, Func<string, MappingNode?, string, BindReader, T> bindOne)
    {
        var result = new SortedDictionary<string, T>(StringComparer.Ordinal);
        if (node is null || reader.Mapping(node, path) is not { } mapping)
        {
            return result;
        }

        foreach (var entry in mapping.Entries.Where(entry => !BindReader.IsExtension(entry.Key)))
        {
            var entryPath = PathText.Key(path, entry.Key);
            result[entry.Key] = bindOne(entry.Key, reader.Mapping(entry.Value, entryPath), entryPath, reader);
        }

        return result;
    }

    public static Network BindNetwork(string key, MappingNode? mapping, string path, BindReader reader)
    {
        var (name, external) = ResourceName.Of(key, mapping, path, reader);
        if (mapping is null)
        {
            return new Network { Name = name };
        }

        reader.RejectUnknownKeys(mapping, path, NetworkKeys);
        return new Network
        {
            Name = name,
            External = external,
            Driver = reader.StringAt(mapping, "driver", path),
            DriverOpts = reader.StringMapAt(mapping, "driver_opts", path),
            Internal = reader.BoolAt(mapping, "internal", path),
            Attachable = reader.BoolAt(mapping, "attachable", path),
            EnableIpv4 = reader.BoolAt(mapping, "enable_ipv4", path),
            EnableIpv6 = reader.BoolAt(mapping, "enable_ipv6", path),
            Ipam = mapping["ipam"] is { } ipam ? BindIpam(ipam, PathText.Key(path, "ipam"), reader) : null,
            Labels = reader.StringMapAt(mapping, "labels", path),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }

    public static Volume BindVolume(string key, MappingNode? mapping, string path, BindReader reader)
    {
        var (name, external) = ResourceName.Of(key, mapping, path, reader);
        if (mapping is null)
        {
            return new Volume { Name = name };
        }

        reader.RejectUnknownKeys(mapping, path, VolumeKeys);
        return new Volume
        {
            Name = name,
            External = external,
            Driver = reader.StringAt(mapping, "driver", path),
            DriverOpts = reader.StringMapAt(mapping, "driver_opts", path),
            Labels = reader.StringMapAt(mapping, "labels", path),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }

    public static FileObject BindFileObject(string key, MappingNode? mapping, string path, BindReader reader)
    {
        var (name, external) = ResourceName.Of(key, mapping, path, reader);
        if (mapping is null)
        {
            return new FileObject { Name = name };
        }

        reader.RejectUnknownKeys(mapping, path, FileKeys);
        var file = reader.StringAt(mapping, "file", path);
        return new FileObject
        {
            Name = name,
            External = external,
            File = file is null ? null : HostPath.Resolve(file, reader.Context),
            Environment = reader.StringAt(mapping, "environment", path),
            Content = reader.StringAt(mapping, "content", path),
            Labels = reader.StringMapAt(mapping, "labels", path),
            Driver = reader.StringAt(mapping, "driver", path),
            DriverOpts = reader.StringMapAt(mapping, "driver_opts", path),
            TemplateDriver = reader.StringAt(mapping, "template_driver", path),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }

    private static Ipam? BindIpam(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, IpamKeys);
        var pools = new List<IpamPool>();
        var configPath = PathText.Key(path, "config");
        if (mapping["config"] is { } configNode && reader.Sequence(configNode, configPath) is { } configs)
        {
            for (var index = 0; index < configs.Items.Count; index++)
            {
                var poolPath = PathText.Index(configPath, index);
                if (reader.Mapping(configs.Items[index], poolPath) is not { } pool)
                {
                    continue;
                }

                reader.RejectUnknownKeys(pool, poolPath, PoolKeys);
                pools.Add(new IpamPool
                {
                    Subnet = reader.StringAt(pool, "subnet", poolPath),
                    IpRange = reader.StringAt(pool, "ip_range", poolPath),
                    Gateway = reader.StringAt(pool, "gateway", poolPath),
                    AuxAddresses = reader.StringMapAt(pool, "aux_addresses", poolPath),
                });
            }
        }

        return new Ipam
        {
            Driver = reader.StringAt(mapping, "driver", path),
            Config = pools,
            Options = reader.StringMapAt(mapping, "options", path),
        };
    }
}
