using Composer.Loader.Tree;

namespace Composer.Loader.Merge;

/// <summary>
/// The identity of an item of a keyed sequence, in short or long syntax alike: a port binding is
/// (host_ip, target, published, protocol); a mount, secret or config is its target. Null when it cannot be told.
/// </summary>
internal static class SequenceItemKeys
{
    public static string? KeyOf(string pattern, Node item) => pattern switch
    {
        "services.*.ports" => PortKey(item),
        "services.*.volumes" => VolumeKey(item),
        "services.*.secrets" => FileReferenceKey(item, "/run/secrets/"),
        "services.*.configs" => FileReferenceKey(item, "/"),
        _ => null,
    };

    private static string? PortKey(Node item)
    {
        if (item is MappingNode mapping)
        {
            var longTarget = Text(mapping["target"]);
            if (longTarget is null)
            {
                return null;
            }

            return Compose(Text(mapping["host_ip"]), longTarget, Text(mapping["published"]), Text(mapping["protocol"]));
        }

        if (item is not ScalarNode scalar)
        {
            return null;
        }

        var text = scalar.Value;
        string? protocol = null;
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            text = text[..slash];
        }

        var lastColon = text.LastIndexOf(':');
        if (lastColon < 0)
        {
            return Compose(null, text, null, protocol);
        }

        var target = text[(lastColon + 1)..];
        var front = text[..lastColon];
        var published = front;
        string? hostIp = null;
        var hostColon = front.LastIndexOf(':');
        if (hostColon >= 0)
        {
            hostIp = front[..hostColon].Trim('[', ']');
            published = front[(hostColon + 1)..];
        }

        return Compose(hostIp, target, published, protocol);
    }

    private static string Compose(string? hostIp, string target, string? published, string? protocol) =>
        $"{hostIp ?? string.Empty}|{target}|{(string.IsNullOrEmpty(published) ? string.Empty : published)}|{(string.IsNullOrEmpty(protocol) ? "tcp" : protocol)}";

    private static string? VolumeKey(Node item)
    {
        if (item is MappingNode mapping)
        {
            return Text(mapping["target"]);
        }

        if (item is not ScalarNode scalar)
        {
            return null;
        }

        var parts = scalar.Value.Split(':');
        return parts.Length == 1 ? parts[0] : parts[1];
    }

    private static string? FileReferenceKey(Node item, string defaultTargetPrefix)
    {
        if (item is ScalarNode scalar)
        {
            return defaultTargetPrefix + scalar.Value;
        }

        if (item is not MappingNode mapping)
        {
            return null;
        }

        var target = Text(mapping["target"]);
        if (target is not null)
        {
            return target.StartsWith('/') ? target : defaultTargetPrefix + target;
        }

        var source = Text(mapping["source"]);
        return source is null ? null : defaultTargetPrefix + source;
    }

    private static string? Text(Node? node) => node is ScalarNode { IsNull: false } scalar ? scalar.Value : null;
}
