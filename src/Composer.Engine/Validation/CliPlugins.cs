using System.Text.Json;

namespace Composer.Engine.Validation;

/// <summary>
/// Finds docker CLI plugins (<c>docker-&lt;name&gt;</c>) where the docker CLI looks for them: the folders listed
/// under <c>cliPluginsExtraDirs</c> in the docker config file, the user's cli-plugins folder, the system ones.
/// </summary>
public static class CliPlugins
{
    private static readonly string[] SystemFolders =
    [
        "/usr/local/lib/docker/cli-plugins", "/usr/local/libexec/docker/cli-plugins",
        "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins",
    ];

    /// <summary>The plugin docker-&lt;name&gt; in the plugin folders, else on PATH (where people also install them).</summary>
    public static string? Find(string name) =>
        InPluginFolders(name) ?? OnPath("docker-" + name);

    /// <summary>
    /// The executable that runs a provider service of this type, as docker compose finds it: the docker CLI plugin
    /// docker-&lt;type&gt;, else an executable named &lt;type&gt; on PATH (docker-&lt;type&gt; on PATH is accepted too).
    /// </summary>
    public static string? FindProvider(string type) =>
        type.Contains('/', StringComparison.Ordinal) || type is "" or "." or ".."
            ? null
            : InPluginFolders(type) ?? OnPath(type) ?? OnPath("docker-" + type);

    /// <summary>What is missing when <see cref="FindProvider"/> finds nothing, said of the service's provider.</summary>
    public static string MissingProvider(string type) =>
        $"type \"{type}\" needs the docker-{type} plugin, which is not in the docker cli-plugins folders or PATH";

    private static string? InPluginFolders(string name) =>
        PluginFolders().Select(folder => Path.Combine(folder, "docker-" + name)).FirstOrDefault(IsExecutableFile);

    private static string? OnPath(string file) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, file))
            .FirstOrDefault(IsExecutableFile);

    private static IEnumerable<string> PluginFolders()
    {
        var configDirectory = Environment.GetEnvironmentVariable("DOCKER_CONFIG")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        return ExtraFolders(Path.Combine(configDirectory, "config.json"))
            .Append(Path.Combine(configDirectory, "cli-plugins"))
            .Concat(SystemFolders);
    }

    // cliPluginsExtraDirs of the docker config file; a file that is missing or does not parse adds none.
    private static List<string> ExtraFolders(string configFile)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(configFile));
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("cliPluginsExtraDirs", out var folders)
                && folders.ValueKind == JsonValueKind.Array
                ? [.. folders.EnumerateArray().Where(folder => folder.ValueKind == JsonValueKind.String).Select(folder => folder.GetString()!)]
                : [];
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            return [];
        }
    }

    private static bool IsExecutableFile(string path) =>
        File.Exists(path) && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);
}
