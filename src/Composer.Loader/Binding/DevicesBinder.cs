using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.devices</c>: <c>HOST[:CONTAINER[:PERMISSIONS]]</c> or {source, target, permissions}.</summary>
internal static class DevicesBinder
{
    private static readonly HashSet<string> LongKeys = ["source", "target", "permissions"];

    public static IReadOnlyList<DeviceMapping> Bind(Node node, string path, BindReader reader)
    {
        var sequence = reader.Sequence(node, path);
        if (sequence is null)
        {
            return [];
        }

        var devices = new List<DeviceMapping>();
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var itemPath = PathText.Index(path, index);
            switch (sequence.Items[index])
            {
                case ScalarNode { IsNull: false } scalar:
                    var parts = scalar.Value.Split(':');
                    if (parts.Length > 3 || parts.Any(part => part.Length == 0))
                    {
                        reader.Error(scalar, itemPath, $"invalid device \"{scalar.Value}\" (expected HOST[:CONTAINER[:PERMISSIONS]])");
                        break;
                    }

                    devices.Add(new DeviceMapping
                    {
                        Source = parts[0],
                        Target = parts.Length > 1 ? parts[1] : parts[0],
                        Permissions = parts.Length > 2 ? parts[2] : "rwm",
                    });
                    break;
                case MappingNode mapping:
                    reader.RejectUnknownKeys(mapping, itemPath, LongKeys);
                    var source = reader.StringAt(mapping, "source", itemPath);
                    if (string.IsNullOrEmpty(source))
                    {
                        reader.Error(mapping, PathText.Key(itemPath, "source"), "is required");
                        break;
                    }

                    devices.Add(new DeviceMapping
                    {
                        Source = source,
                        Target = reader.StringAt(mapping, "target", itemPath) ?? source,
                        Permissions = reader.StringAt(mapping, "permissions", itemPath) ?? "rwm",
                    });
                    break;
                default:
                    reader.Error(sequence.Items[index], itemPath, "must be a device string or a mapping");
                    break;
            }
        }

        return devices;
    }
}
