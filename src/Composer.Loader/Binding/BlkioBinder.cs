using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>blkio_config</c>: weight, weight_device, and device read/write limits in bytes (512k) or IOPS.</summary>
internal static class BlkioBinder
{
    private static readonly HashSet<string> Keys = ["weight", "weight_device", "device_read_bps", "device_write_bps", "device_read_iops", "device_write_iops"];
    private static readonly HashSet<string> WeightKeys = ["path", "weight"];
    private static readonly HashSet<string> RateKeys = ["path", "rate"];

    public static BlkioConfig? Bind(Node node, string path, BindReader reader)
    {
        if (reader.Mapping(node, path) is not { } mapping)
        {
            return null;
        }

        reader.RejectUnknownKeys(mapping, path, Keys);
        return new BlkioConfig
        {
            Weight = reader.IntAt(mapping, "weight", path),
            WeightDevice = Devices(mapping, "weight_device", path, reader, WeightKeys, "weight", (value, at) => reader.Int(value, at)),
            DeviceReadBps = Devices(mapping, "device_read_bps", path, reader, RateKeys, "rate", (value, at) => reader.ByteSize(value, at)),
            DeviceWriteBps = Devices(mapping, "device_write_bps", path, reader, RateKeys, "rate", (value, at) => reader.ByteSize(value, at)),
            DeviceReadIops = Devices(mapping, "device_read_iops", path, reader, RateKeys, "rate", (value, at) => reader.Long(value, at)),
            DeviceWriteIops = Devices(mapping, "device_write_iops", path, reader, RateKeys, "rate", (value, at) => reader.Long(value, at)),
        };
    }

    private static IReadOnlyList<BlkioDevice> Devices(
        MappingNode mapping, string key, string path, BindReader reader, HashSet<string> keys, string valueKey, Func<Node, string, long?> value)
    {
        var at = PathText.Key(path, key);
        return mapping[key] is not { } node ? [] : reader.MappingItems<BlkioDevice>(node, at, $"a mapping with path and {valueKey}", (item, itemPath) =>
        {
            reader.RejectUnknownKeys(item, itemPath, keys);
            var devicePath = reader.RequiredStringAt(item, "path", itemPath);
            var amount = item[valueKey] is { } valueNode ? value(valueNode, PathText.Key(itemPath, valueKey)) : null;
            if (item[valueKey] is null)
            {
                reader.Error(item, PathText.Key(itemPath, valueKey), $"{valueKey} is required");
            }

            return devicePath is null || amount is null ? [] : [new BlkioDevice(devicePath, amount.Value)];
        });
    }
}
