using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary><c>services.*.ports</c>: short strings or numbers expand to long entries; long entries are checked.</summary>
internal static class PortsBinder
{
    private static readonly HashSet<string> LongKeys = ["target", "published", "host_ip", "protocol", "mode", "name", "app_protocol"];

    public static IReadOnlyList<ServicePort> Bind(Node node, string path, BindReader reader)
    {
        return reader.ShortOrLongItems<ServicePort>(
            node,
            path,
            "a port string, a number or a mapping",
            (scalar, itemPath) =>
            {
                if (PortSpec.TryParse(scalar.Value, out var parsed, out var error))
                {
                    return parsed;
                }

                reader.Error(scalar, itemPath, error);
                return [];
            },
            (mapping, itemPath) => BindLong(mapping, itemPath, reader) is { } port ? [port] : []);
    }

    private static ServicePort? BindLong(MappingNode mapping, string path, BindReader reader)
    {
        reader.RejectUnknownKeys(mapping, path, LongKeys);
        var targetNode = mapping["target"];
        if (targetNode is null)
        {
            reader.Error(mapping, path, "target is required");
            return null;
        }

        var target = reader.Int(targetNode, PathText.Key(path, "target"));
        if (target is null)
        {
            return null;
        }

        string? published = null;
        if (mapping["published"] is { } publishedNode)
        {
            published = reader.String(publishedNode, PathText.Key(path, "published"));
            if (published is not null && !PortSpec.IsValidPublished(published))
            {
                reader.Error(publishedNode, PathText.Key(path, "published"), $"\"{published}\" is not a port or port range");
                published = null;
            }
        }

        return new ServicePort
        {
            Target = target.Value,
            Published = string.IsNullOrEmpty(published) ? null : published,
            HostIp = reader.StringAt(mapping, "host_ip", path),
            Protocol = reader.StringAt(mapping, "protocol", path) ?? "tcp",
            Mode = reader.StringAt(mapping, "mode", path) ?? "ingress",
            Name = reader.StringAt(mapping, "name", path),
            AppProtocol = reader.StringAt(mapping, "app_protocol", path),
            Extensions = BindReader.ExtensionsOf(mapping),
        };
    }
}
