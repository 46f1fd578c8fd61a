using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// Fingerprint of the parts of a service that end up in its containers. Scale, replicas, depends_on, profiles and
/// build are left out on purpose: changing them must not recreate running containers.
/// </summary>
public static class ConfigHash
{
    internal static readonly JsonSerializerOptions SerializerOptions = new()
    {
        WriteIndented = false,
        TypeInfoResolver = ModelJsonContext.Default.WithAddedModifier(LeaveOutDerivedProperties),
    };

    public static string Compute(Service service)
    {
        return Digest(CanonicalJson(service));
    }

    internal static string Digest(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));

    /// <summary>The text that is hashed: keys sorted, nulls and empty objects dropped so that absent equals empty.</summary>
    public static string CanonicalJson(Service service)
    {
        var relevant = service with
        {
            Scale = null,
            Deploy = service.Deploy is null ? null : service.Deploy with { Replicas = null },
            DependsOn = new SortedDictionary<string, ServiceDependency>(StringComparer.Ordinal),
            Profiles = [],
            Build = null,
        };
        var node = JsonSerializer.SerializeToNode(relevant, TypeInfo<Service>());
        var canonical = Canonicalize(node);
        return canonical?.ToJsonString(SerializerOptions) ?? "{}";
    }

    // Typed metadata from the source-generated context (with the modifier above): no reflection, so native AOT works.
    internal static JsonTypeInfo<T> TypeInfo<T>() => (JsonTypeInfo<T>)SerializerOptions.GetTypeInfo(typeof(T));

    // Extensions.IsEmpty is computed from the values; hashing it would make an empty deploy differ from none.
    private static void LeaveOutDerivedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Type == typeof(Extensions))
        {
            var derived = typeInfo.Properties.FirstOrDefault(property => property.Name == nameof(Extensions.IsEmpty));
            if (derived is not null)
            {
                typeInfo.Properties.Remove(derived);
            }
        }
    }

    internal static JsonNode? Canonicalize(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
            {
                var sorted = new JsonObject();
                foreach (var (key, value) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    var child = Canonicalize(value);
                    if (child is null || (child is JsonObject childObject && childObject.Count == 0))
                    {
                        continue;
                    }

                    sorted[key] = child;
                }

                return sorted;
            }

            case JsonArray array:
            {
                var copy = new JsonArray();
                foreach (var item in array)
                {
                    copy.Add(Canonicalize(item) ?? JsonValue.Create((string?)null));
                }

                return copy;
            }

            case null:
                return null;
            default:
                return node.DeepClone();
        }
    }
}
