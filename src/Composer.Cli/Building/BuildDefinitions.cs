using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Composer.Engine.Build;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Cli.Building;

/// <summary>
/// <c>build --print</c>: the builds as a bake-style JSON document (a default group and one target per image), the
/// same requests the engine would get, without building anything.
/// </summary>
internal static class BuildDefinitions
{
    public static string Json(Project project, IEnumerable<Service> services, BuildOverrides overrides)
    {
        var requests = BuildRequests.OnePerImage(project, services)
            .Select(service => (service.Name, Request: BuildFeatures.Apply(BuildRequests.For(project, service, overrides), project, service), Build: service.Build!))
            .ToList();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("group");
            writer.WriteStartObject("default");
            writer.WriteStartArray("targets");
            requests.ForEach(entry => writer.WriteStringValue(entry.Name));
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("target");
            foreach (var (name, request, build) in requests)
            {
                writer.WriteStartObject(name);
                writer.WriteString("context", request.Context);
                if (request.DockerfileInline is { } inline)
                {
                    writer.WriteString("dockerfile-inline", inline);
                }
                else
                {
                    writer.WriteString("dockerfile", request.Dockerfile ?? "Dockerfile");
                }

                Map(writer, "args", request.Args);
                Map(writer, "labels", request.Labels);
                Map(writer, "contexts", request.AdditionalContexts);
                List(writer, "tags", request.Tags);
                List(writer, "cache-from", build.CacheFrom);
                List(writer, "cache-to", build.CacheTo);
                List(writer, "platforms", build.Platforms);
                List(writer, "no-cache-filter", request.NoCacheStages);
                List(writer, "extra-hosts", request.ExtraHosts);
                List(writer, "ssh", BuildFeatures.SshEntries(build));
                if (request.Target is { } target)
                {
                    writer.WriteString("target", target);
                }

                if (request.Network is { } network)
                {
                    writer.WriteString("network", network);
                }

                if (request.ShmSize is { } shmSize)
                {
                    writer.WriteNumber("shm-size", shmSize);
                }

                writer.WriteBoolean("no-cache", request.NoCache);
                writer.WriteBoolean("pull", request.Pull);
                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Map(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartObject(name);
        foreach (var (key, value) in values.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            writer.WriteString(key, value);
        }

        writer.WriteEndObject();
    }

    private static void List(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
