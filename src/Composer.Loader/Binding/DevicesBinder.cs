using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.devices</c>: <c>HOST[:CONTAINER[:PERMISSIONS]]</c> or {source, target, permissions}.</summary>
internal static class DevicesBinder
{
    private static readonly HashSet<string> LongKeys = ["source", "target", "permissions"];

    public static IReadOnlyList<DeviceMapping> Bind(Node node, string path, BindReader reader)
    {
        return reader.ShortOrLongItems<DeviceMapping>(
            node,
            path,
            "a device string or a mapping",
            (scalar, itemPath) =>
            {
                var parts = scalar.Value.Split(':');
                if (parts.Length > 3 || parts.Any(part => part.Length == 0))
                {
                    reader.Error(scalar, itemPath, $"invalid device \"{scalar.Value}\" (expected HOST[:CONTAINER[:PERMISSIONS]])");
                    return [];
                }

                return [new DeviceMapping
                {
                    Source = parts[0],
                    Target = parts.Length > 1 ? parts[1] : parts[0],
                    Permissions = parts.Length > 2 ? parts[2] : "rwm",
                }];
            },
            (mapping, itemPath) =>
            {
                reader.RejectUnknownKeys(mapping, itemPath, LongKeys);
                var source = reader.RequiredStringAt(mapping, "source", itemPath);
                return source is null ? [] : [new DeviceMapping
                {
                    Source = source,
                    Target = reader.StringAt(mapping, "target", itemPath) ?? source,
                    Permissions = reader.StringAt(mapping, "permissions", itemPath) ?? "rwm",
                }];
            });
    }
}
