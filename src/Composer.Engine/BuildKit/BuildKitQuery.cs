using System.Text;
using System.Text.Json;
using Composer.Engine.Contracts;

namespace Composer.Engine.BuildKit;

/// <summary>The query string of <c>POST /build?version=2</c> for a <see cref="BuildRequest"/>.</summary>
internal static class BuildKitQuery
{
    public static string For(BuildRequest request, string dockerfileInArchive, IReadOnlyDictionary<string, string> args)
    {
        var query = new List<(string Key, string Value)>
        {
            ("version", "2"),
            ("dockerfile", dockerfileInArchive),
            ("rm", "1"),
            ("forcerm", "1"),
        };
        query.AddRange(request.Tags.Select(tag => ("t", tag)));
        if (args.Count > 0)
        {
            query.Add(("buildargs", JsonMap(args)));
        }

        if (request.Labels.Count > 0)
        {
            query.Add(("labels", JsonMap(request.Labels)));
        }

        if (request.Target is { } target)
        {
            query.Add(("target", target));
        }

        if (request.Network is { } network)
        {
            query.Add(("networkmode", network));
        }

        query.AddRange(request.ExtraHosts.Select(host => ("extrahosts", host)));
        if (request.ShmSize is { } shmSize)
        {
            query.Add(("shmsize", shmSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        if (request.NoCache)
        {
            query.Add(("nocache", "1"));
        }

        if (request.Pull)
        {
            query.Add(("pull", "1"));
        }

        if (request.CacheFrom.Count > 0)
        {
            query.Add(("cachefrom", JsonList(request.CacheFrom)));
        }

        if (request.Platform is { } platform)
        {
            query.Add(("platform", platform));
        }

        if (request.Ulimits.Count > 0)
        {
            query.Add(("ulimits", JsonUlimits(request.Ulimits)));
        }

        return string.Join('&', query.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));
    }

    private static string JsonMap(IEnumerable<KeyValuePair<string, string>> map) => Json(writer =>
    {
        writer.WriteStartObject();
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    });

    private static string JsonList(IEnumerable<string> values) => Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    });

    private static string JsonUlimits(IEnumerable<BuildUlimit> ulimits) => Json(writer =>
    {
        writer.WriteStartArray();
        foreach (var ulimit in ulimits)
        {
            writer.WriteStartObject();
            writer.WriteString("Name", ulimit.Name);
            writer.WriteNumber("Soft", ulimit.Soft);
            writer.WriteNumber("Hard", ulimit.Hard);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static string Json(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
