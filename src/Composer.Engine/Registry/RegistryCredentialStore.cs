using System.Text;
using System.Text.Json;
using Composer.Engine.Contracts;

namespace Composer.Engine.Registry;

/// <summary>
/// Registry logins from docker's config.json ($DOCKER_CONFIG/config.json, else ~/.docker/config.json): a
/// credHelpers entry for the registry, else credsStore, else the base64 user:password in auths. A missing file or
/// entry means anonymous access. Credential helpers are looked for in <paramref name="searchPath"/> (the PATH of the
/// environment the store was made from), else in this process's PATH.
/// </summary>
public sealed class RegistryCredentialStore(string configDirectory, string? searchPath = null)
{
    public static RegistryCredentialStore FromEnvironment(IReadOnlyDictionary<string, string> environment)
    {
        if (environment.TryGetValue("DOCKER_CONFIG", out var folder) && folder.Length > 0)
        {
            return new RegistryCredentialStore(folder, PathOf(environment));
        }

        var home = environment.TryGetValue("HOME", out var h) && h.Length > 0 ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return new RegistryCredentialStore(Path.Combine(home, ".docker"), PathOf(environment));
    }

    private static string? PathOf(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("PATH", out var path) && path.Length > 0 ? path : null;

    /// <summary>From this process's DOCKER_CONFIG and HOME.</summary>
    public static RegistryCredentialStore FromProcess() => FromEnvironment(new Dictionary<string, string>
    {
        ["DOCKER_CONFIG"] = Environment.GetEnvironmentVariable("DOCKER_CONFIG") ?? "",
        ["HOME"] = Environment.GetEnvironmentVariable("HOME") ?? "",
    });

    public string ConfigFile => Path.Combine(configDirectory, "config.json");

    /// <summary>The login for the registry <paramref name="image"/> lives in, or null for anonymous access.</summary>
    public RegistryCredentials? For(string image)
    {
        if (!File.Exists(ConfigFile))
        {
            return null;
        }

        var registry = ImageReference.Parse(image).Registry;
        var key = registry == ImageReference.DockerHub ? ImageReference.DockerHubConfigKey : registry;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllText(ConfigFile));
        }
        catch (JsonException exception)
        {
            throw new EngineException($"{ConfigFile} is not valid JSON (line {exception.LineNumber + 1})");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.TryGetProperty("credHelpers", out var helpers) && FindEntry(helpers, registry, key) is { ValueKind: JsonValueKind.String } helper)
            {
                return CredentialHelper.Get(helper.GetString()!, key, searchPath);
            }

            if (root.TryGetProperty("credsStore", out var store) && store.GetString() is { Length: > 0 } storeName)
            {
                return CredentialHelper.Get(storeName, key, searchPath);
            }

            return root.TryGetProperty("auths", out var auths) && FindEntry(auths, registry, key) is { ValueKind: JsonValueKind.Object } entry
                ? FromAuthsEntry(entry, key)
                : null;
        }
    }

    /// <summary>
    /// The logins of every registry config.json knows (its auths and credHelpers keys), resolved through the same
    /// helpers as a pull; registries without a usable login are left out.
    /// </summary>
    public IReadOnlyDictionary<string, RegistryCredentials> All()
    {
        if (!File.Exists(ConfigFile))
        {
            return new Dictionary<string, RegistryCredentials>(StringComparer.Ordinal);
        }

        var keys = new SortedSet<string>(StringComparer.Ordinal);
        using (var document = ParseConfig())
        {
            foreach (var section in new[] { "auths", "credHelpers" })
            {
                if (document.RootElement.TryGetProperty(section, out var entries) && entries.ValueKind == JsonValueKind.Object)
                {
                    keys.UnionWith(entries.EnumerateObject().Select(entry => entry.Name));
                }
            }
        }

        var all = new SortedDictionary<string, RegistryCredentials>(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            var host = key == ImageReference.DockerHubConfigKey ? null : new Uri(key.Contains("://", StringComparison.Ordinal) ? key : "https://" + key).Authority;
            if (For(host is null ? "library/busybox" : host + "/any") is { } credentials)
            {
                all[key] = credentials;
            }
        }

        return all;
    }

    private JsonDocument ParseConfig()
    {
        try
        {
            return JsonDocument.Parse(File.ReadAllText(ConfigFile));
        }
        catch (JsonException exception)
        {
            throw new EngineException($"{ConfigFile} is not valid JSON (line {exception.LineNumber + 1})");
        }
    }

    // Entries may be keyed by the bare host or by a URL with scheme and path (https://host/v1/).
    private static JsonElement? FindEntry(JsonElement section, string registry, string key)
    {
        if (section.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in section.EnumerateObject())
        {
            if (property.Name == key || HostOf(property.Name) == registry
                || (registry == ImageReference.DockerHub && HostOf(property.Name) is "index.docker.io" or "registry-1.docker.io"))
            {
                return property.Value;
            }
        }

        return null;
    }

    private static string HostOf(string entry)
    {
        var host = entry.Contains("://", StringComparison.Ordinal) ? entry[(entry.IndexOf("://", StringComparison.Ordinal) + 3)..] : entry;
        return host.Split('/')[0];
    }

    private static RegistryCredentials? FromAuthsEntry(JsonElement entry, string key)
    {
        var token = entry.TryGetProperty("identitytoken", out var t) ? t.GetString() : null;
        if (entry.TryGetProperty("auth", out var auth) && auth.GetString() is { Length: > 0 } encoded)
        {
            string decoded;
            try
            {
                decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            }
            catch (FormatException)
            {
                throw new EngineException($"the auths entry for {key} in docker's config.json is not valid base64");
            }

            var colon = decoded.IndexOf(':');
            if (colon < 0)
            {
                throw new EngineException($"the auths entry for {key} in docker's config.json is not user:password");
            }

            return new RegistryCredentials(key, decoded[..colon], decoded[(colon + 1)..], token);
        }

        var user = entry.TryGetProperty("username", out var u) ? u.GetString() : null;
        var password = entry.TryGetProperty("password", out var p) ? p.GetString() : null;
        return user is null && token is null ? null : new RegistryCredentials(key, user, password, token);
    }
}
