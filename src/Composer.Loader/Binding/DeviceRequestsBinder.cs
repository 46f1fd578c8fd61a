using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// <c>gpus</c> (<c>all</c>, or a list of requests) and <c>deploy.resources.reservations.devices</c>: driver, count
/// (a number or <c>all</c>), device_ids, capabilities, options.
/// </summary>
internal static class DeviceRequestsBinder
{
    private const string GpuCapability = "gpu";
    private static readonly HashSet<string> Keys = ["driver", "count", "device_ids", "capabilities", "options"];

    /// <summary><c>gpus: all</c> asks for every GPU; listed requests always carry the gpu capability.</summary>
    public static IReadOnlyList<DeviceRequest> BindGpus(Node node, string path, BindReader reader)
    {
        if (node is ScalarNode { IsNull: false } scalar)
        {
            if (scalar.Value != "all")
            {
                reader.Error(scalar, path, $"gpus must be \"all\" or a list of device requests, not \"{scalar.Value}\"");
                return [];
            }

            return [new DeviceRequest { Count = DeviceRequest.AllDevices, Capabilities = [GpuCapability] }];
        }

        return [.. Bind(node, path, reader).Select(request => request.Capabilities.Contains(GpuCapability)
            ? request
            : request with { Capabilities = [.. request.Capabilities, GpuCapability] })];
    }

    public static IReadOnlyList<DeviceRequest> Bind(Node node, string path, BindReader reader) =>
        reader.MappingItems<DeviceRequest>(node, path, "a device request mapping", (mapping, itemPath) =>
        {
            reader.RejectUnknownKeys(mapping, itemPath, Keys);
            return [new DeviceRequest
            {
                Driver = reader.StringAt(mapping, "driver", itemPath),
                Count = mapping["count"] is { } count ? Count(count, PathText.Key(itemPath, "count"), reader) : null,
                DeviceIds = reader.StringListAt(mapping, "device_ids", itemPath),
                Capabilities = reader.StringListAt(mapping, "capabilities", itemPath),
                Options = reader.StringMapAt(mapping, "options", itemPath),
            }];
        });

    private static int? Count(Node node, string path, BindReader reader) =>
        node is ScalarNode { Value: "all" } ? DeviceRequest.AllDevices : reader.Int(node, path);
}
