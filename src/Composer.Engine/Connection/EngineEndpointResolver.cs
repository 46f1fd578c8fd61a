using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Composer.Engine.Connection;

/// <summary>
/// Picks the engine like the docker CLI does: DOCKER_HOST (TLS when DOCKER_TLS_VERIFY is set, material from
/// DOCKER_CERT_PATH or the docker config folder), else the current context (DOCKER_CONTEXT, else
/// <c>currentContext</c> in config.json) with its TLS material, else the local socket.
/// </summary>
public static class EngineEndpointResolver
{
    public static EngineEndpoint Resolve(Func<string, string?> environment)
    {
        var configDirectory = NonEmpty(environment("DOCKER_CONFIG"))
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        if (NonEmpty(environment("DOCKER_HOST")) is { } host)
        {
            var tls = NonEmpty(environment("DOCKER_TLS_VERIFY")) is not null
                ? NonEmpty(environment("DOCKER_CERT_PATH")) ?? configDirectory
                : null;
            return new EngineEndpoint(ParseHost(host, "DOCKER_HOST"), "DOCKER_HOST", tls);
        }

        var context = NonEmpty(environment("DOCKER_CONTEXT")) ?? CurrentContext(configDirectory);
        return context is null or "default"
            ? new EngineEndpoint(EngineEndpoint.DefaultSocket, "the default socket")
            : FromContext(configDirectory, context);
    }

    private static EngineEndpoint FromContext(string configDirectory, string context)
    {
        // The docker CLI stores a context under the hex SHA-256 of its name.
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(context)));
        var metaFile = Path.Combine(configDirectory, "contexts", "meta", key, "meta.json");
        if (!File.Exists(metaFile))
        {
            throw new EngineConnectionException($"docker context \"{context}\" not found (no {metaFile}); `docker context ls` lists the contexts");
        }

        try
        {
            using var meta = JsonDocument.Parse(File.ReadAllText(metaFile));
            var docker = meta.RootElement.GetProperty("Endpoints").GetProperty("docker");
            var host = docker.GetProperty("Host").GetString() ?? "";
            var skipVerify = docker.TryGetProperty("SkipTLSVerify", out var skip) && skip.ValueKind == JsonValueKind.True;
            var tlsDirectory = Path.Combine(configDirectory, "contexts", "tls", key, "docker");
            return new EngineEndpoint(ParseHost(host, $"docker context \"{context}\""), $"docker context \"{context}\"",
                Directory.Exists(tlsDirectory) ? tlsDirectory : null, !skipVerify);
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new EngineConnectionException($"docker context \"{context}\": {metaFile} has no readable Endpoints.docker.Host", exception);
        }
    }

    private static string? CurrentContext(string configDirectory)
    {
        var configFile = Path.Combine(configDirectory, "config.json");
        if (!File.Exists(configFile))
        {
            return null;
        }

        try
        {
            using var config = JsonDocument.Parse(File.ReadAllText(configFile));
            return config.RootElement.ValueKind == JsonValueKind.Object
                && config.RootElement.TryGetProperty("currentContext", out var current) && current.ValueKind == JsonValueKind.String
                ? NonEmpty(current.GetString())
                : null;
        }
        catch (JsonException exception)
        {
            throw new EngineConnectionException($"{configFile} is not valid JSON: {exception.Message}", exception);
        }
    }

    private static Uri ParseHost(string host, string source) =>
        Uri.TryCreate(host, UriKind.Absolute, out var uri) && uri.Scheme is "unix" or "tcp" or "npipe" or "http" or "https"
            ? uri
            : throw new EngineConnectionException($"{source}: \"{host}\" is not an engine address (unix:///path or tcp://host:port)");

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
