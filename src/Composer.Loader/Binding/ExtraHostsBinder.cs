using Composer.Loader.Tree;
using Composer.Model;

namespace Composer.Loader.Binding;

/// <summary>
/// <c>extra_hosts</c>: a list of <c>host=ip</c> or <c>host:ip</c> (the first separator splits, so <c>host:::1</c> is
/// IPv6), or a map from host to one address or a list of addresses. Brackets around IPv6 addresses are dropped.
/// </summary>
internal static class ExtraHostsBinder
{
    public static IReadOnlyList<ExtraHost> Bind(Node node, string path, BindReader reader)
    {
        var hosts = new List<ExtraHost>();
        switch (node)
        {
            case SequenceNode sequence:
                for (var index = 0; index < sequence.Items.Count; index++)
                {
                    var itemPath = PathText.Index(path, index);
                    var text = reader.String(sequence.Items[index], itemPath);
                    if (text is null)
                    {
                        continue;
                    }

                    var separator = text.IndexOf('=', StringComparison.Ordinal);
                    if (separator < 0)
                    {
                        separator = text.IndexOf(':', StringComparison.Ordinal);
                    }

                    if (separator <= 0 || separator == text.Length - 1)
                    {
                        reader.Error(sequence.Items[index], itemPath, $"\"{text}\" must look like host=address");
                        continue;
                    }

                    hosts.Add(new ExtraHost(text[..separator], Address(text[(separator + 1)..])));
                }

                break;
            case MappingNode mapping:
                foreach (var entry in mapping.Entries)
                {
                    var entryPath = PathText.Key(path, entry.Key);
                    foreach (var address in reader.StringList(entry.Value, entryPath))
                    {
                        if (address.Length == 0)
                        {
                            reader.Error(entry.Value, entryPath, "an address must not be empty");
                            continue;
                        }

                        hosts.Add(new ExtraHost(entry.Key, Address(address)));
                    }
                }

                break;
            default:
                if (!BindReader.IsNull(node))
                {
                    reader.Error(node, path, "must be a list of host=address strings or a mapping");
                }

                break;
        }

        return hosts;
    }

    private static string Address(string address) =>
        address.Length > 1 && address[0] == '[' && address[^1] == ']' ? address[1..^1] : address;
}
