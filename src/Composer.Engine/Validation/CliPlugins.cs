namespace Composer.Engine.Validation;

/// <summary>
/// Finds docker CLI plugins (<c>docker-&lt;name&gt;</c>) where the docker CLI looks for them: the user's
/// cli-plugins folder, the system ones, then PATH (provider services' plugins may live there).
/// </summary>
public static class CliPlugins
{
    private static readonly string[] SystemFolders =
    [
        "/usr/local/lib/docker/cli-plugins", "/usr/local/libexec/docker/cli-plugins",
        "/usr/lib/docker/cli-plugins", "/usr/libexec/docker/cli-plugins",
    ];

    public static string? Find(string name)
    {
        var file = "docker-" + name;
        var configDirectory = Environment.GetEnvironmentVariable("DOCKER_CONFIG")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".docker");
        var path = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { Path.Combine(configDirectory, "cli-plugins") }
            .Concat(SystemFolders)
            .Concat(path)
            .Select(folder => Path.Combine(folder, file))
            .FirstOrDefault(File.Exists);
    }
}
