using System.Text;
using System.Text.Json;
using Composer.Engine.Contracts;
using Composer.Engine.Registry;
using Composer.Model;

namespace Composer.Orchestration.Preflight;

/// <summary>
/// <c>use_api_socket: true</c>, as docker compose does it on the client side: the engine's socket is bound at
/// /var/run/docker.sock, and the registry logins of the user's docker config are written into the container as
/// /run/secrets/docker/config.json with DOCKER_CONFIG pointing there (unless the service sets DOCKER_CONFIG itself).
/// </summary>
public static class ApiSocket
{
    public const string ConfigKey = "#apisocket";
    private const string SocketInContainer = "/var/run/docker.sock";
    private const string ConfigDirectory = "/run/secrets/docker";

    public static bool IsUsed(Project project, IEnumerable<string> services) =>
        services.Any(name => project.Services.TryGetValue(name, out var service) && service.UseApiSocket == true);

    /// <summary>One line per service that cannot have the socket (the engine is not reached through a unix socket).</summary>
    public static IReadOnlyList<string> Problems(Project project, IEnumerable<string> services, string endpoint) =>
        SocketPath(endpoint) is not null
            ? []
            : [.. services.Where(name => project.Services.TryGetValue(name, out var service) && service.UseApiSocket == true)
                .Select(name => $"service \"{name}\": use_api_socket needs an engine reached through a unix socket, this one is {endpoint}")];

    public static Project Apply(Project project, string endpoint, RegistryCredentialStore credentials)
    {
        if (!project.Services.Values.Any(service => service.UseApiSocket == true) || SocketPath(endpoint) is not { } socket)
        {
            return project;
        }

        var configs = new SortedDictionary<string, FileObject>(project.Configs.ToDictionary(), StringComparer.Ordinal)
        {
            [ConfigKey] = new FileObject { Name = project.Name + "_apisocket", Content = ConfigJson(credentials.All()) },
        };
        var services = new SortedDictionary<string, Service>(StringComparer.Ordinal);
        foreach (var (name, service) in project.Services)
        {
            services[name] = service.UseApiSocket == true ? WithSocket(service, socket) : service;
        }

        return project with { Services = services, Configs = configs };
    }

    private static Service WithSocket(Service service, string socket)
    {
        var environment = new SortedDictionary<string, string?>(service.Environment.ToDictionary(), StringComparer.Ordinal);
        environment.TryAdd("DOCKER_CONFIG", ConfigDirectory);
        return service with
        {
            Volumes = [.. service.Volumes, new ServiceVolume { Type = "bind", Source = socket, Target = SocketInContainer }],
            Environment = environment,
            Configs = [.. service.Configs, new FileReference { Source = ConfigKey, Target = ConfigDirectory + "/config.json", Mode = 0b110_000_000 }],
        };
    }

    private static string? SocketPath(string endpoint) =>
        endpoint.StartsWith("unix://", StringComparison.Ordinal) ? endpoint["unix://".Length..] : null;

    /// <summary>A docker config.json holding only the logins, as <c>auths</c> entries.</summary>
    private static string ConfigJson(IReadOnlyDictionary<string, RegistryCredentials> logins)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("auths");
            foreach (var (registry, login) in logins)
            {
                writer.WriteStartObject(registry);
                if (login.Username is not null)
                {
                    writer.WriteString("auth", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{login.Username}:{login.Password}")));
                }

                if (login.IdentityToken is not null)
                {
                    writer.WriteString("identitytoken", login.IdentityToken);
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
