using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// Fingerprint of the parts of a service that end up in its containers. Scale, replicas, depends_on, profiles,
/// attach and build are left out on purpose: changing them must not recreate running containers.
/// </summary>
public static class ConfigHash
{
    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        WriteIndented = false,
        TypeInfoResolver = ModelJsonContext.Default.WithAddedModifier(LeaveOutDerivedProperties),
    };

    public static string Compute(Service service) => Sha256(CanonicalJson(service));

    /// <summary>The same fingerprint for any part of the model (networks): SHA-256 of its canonical JSON.</summary>
    internal static string Fingerprint<T>(T relevant) => Sha256(CanonicalJsonOf(relevant));

    private static string Sha256(string canonicalJson) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));

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

            // Whether up follows a service's output says nothing about its containers.
            Attach = null,
        };
        return CanonicalJsonOf(relevant);
    }

    // Typed metadata from the source-generated context (with the modifier below): no reflection, so native AOT works.
    private static string CanonicalJsonOf<T>(T relevant)
    {
        var node = JsonSerializer.SerializeToNode(relevant, (JsonTypeInfo<T>)SerializerOptions.GetTypeInfo(typeof(T)));
        return Canonicalize(node)?.ToJsonString(SerializerOptions) ?? "{}";
    }

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

    private static JsonNode? Canonicalize(JsonNode? node)
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
