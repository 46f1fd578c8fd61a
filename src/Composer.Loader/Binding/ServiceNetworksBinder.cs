using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.networks</c>: a list of network keys, or a map whose values are null or attachment options.</summary>
internal static class ServiceNetworksBinder
{
    private static readonly HashSet<string> LongKeys =
        ["aliases", "ipv4_address", "ipv6_address", "link_local_ips", "mac_address", "priority", "gw_priority", "driver_opts", "interface_name"];

    public static IReadOnlyDictionary<string, ServiceNetwork?> Bind(Node node, string path, BindReader reader)
    {
        var networks = new SortedDictionary<string, ServiceNetwork?>(StringComparer.Ordinal);
        switch (node)
        {
            case SequenceNode:
                foreach (var name in reader.StrictStringList(node, path))
                {
                    networks[name] = null;
                }

                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    var entryPath = PathText.Key(path, entry.Key);
                    // An empty options mapping is the same attachment as a null one.
                    networks[entry.Key] = reader.Mapping(entry.Value, entryPath) is { Entries.Count: > 0 } options
                        ? BindOptions(options, entryPath, reader)
                        : null;
                }

                break;
            default:
                if (!BindReader.IsNull(node))
                {
                    reader.Error(node, path, "must be a list of network names or a mapping");
                }

                break;
        }

        return networks;
    }

    private static ServiceNetwork BindOptions(MappingNode options, string path, BindReader reader)
    {
        reader.RejectUnknownKeys(options, path, LongKeys);
        return new ServiceNetwork
        {
            Aliases = reader.StringListAt(options, "aliases", path),
            Ipv4Address = reader.StringAt(options, "ipv4_address", path),
            Ipv6Address = reader.StringAt(options, "ipv6_address", path),
            LinkLocalIps = reader.StringListAt(options, "link_local_ips", path),
            MacAddress = reader.StringAt(options, "mac_address", path),
            Priority = reader.IntAt(options, "priority", path),
            GwPriority = reader.IntAt(options, "gw_priority", path),
            InterfaceName = reader.StringAt(options, "interface_name", path),
            DriverOpts = reader.StringMapAt(options, "driver_opts", path),
            Extensions = BindReader.ExtensionsOf(options),
        };
    }
}
