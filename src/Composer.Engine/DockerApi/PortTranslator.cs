using Composer.Model;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi;

/// <summary>ports and expose to the engine's exposed ports and port bindings.</summary>
internal static class PortTranslator
{
    public static Dictionary<string, EmptyStruct> ExposedPorts(Service service)
    {
        var exposed = new Dictionary<string, EmptyStruct>(StringComparer.Ordinal);
        foreach (var port in service.Ports)
        {
            exposed[Key(port.Target, port.Protocol)] = default;
        }

        foreach (var entry in service.Expose)
        {
            var (range, protocol) = SplitProtocol(entry);
            foreach (var number in ExpandRange(range))
            {
                exposed[Key(number, protocol)] = default;
            }
        }

        return exposed;
    }

    public static Dictionary<string, IList<PortBinding>> Bindings(Service service)
    {
        var bindings = new Dictionary<string, IList<PortBinding>>(StringComparer.Ordinal);
        foreach (var port in service.Ports)
        {
            var key = Key(port.Target, port.Protocol);
            if (!bindings.TryGetValue(key, out var list))
            {
                bindings[key] = list = [];
            }

            list.Add(new PortBinding { HostIP = port.HostIp ?? "", HostPort = port.Published ?? "" });
        }

        return bindings;
    }

    private static string Key(int port, string protocol) => $"{port}/{(string.IsNullOrEmpty(protocol) ? "tcp" : protocol)}";

    private static (string Range, string Protocol) SplitProtocol(string entry)
    {
        var slash = entry.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? (entry, "tcp") : (entry[..slash], entry[(slash + 1)..]);
    }

    private static IEnumerable<int> ExpandRange(string range)
    {
        var dash = range.IndexOf('-', StringComparison.Ordinal);
        if (dash < 0)
        {
            return [int.Parse(range, System.Globalization.CultureInfo.InvariantCulture)];
        }

        var first = int.Parse(range[..dash], System.Globalization.CultureInfo.InvariantCulture);
        var last = int.Parse(range[(dash + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        return Enumerable.Range(first, last - first + 1);
    }
}
