namespace Composer.Loader.Binding;

/// <summary>Turns host paths written in compose files into absolute paths: relative to the project folder, <c>~</c> to HOME.</summary>
internal static class HostPath
{
    public static string Resolve(string path, BindContext context)
    {
        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            var home = context.Environment.TryGetValue("HOME", out var fromEnvironment) && fromEnvironment.Length > 0
                ? fromEnvironment
                : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
            return Path.GetFullPath(path.Length == 1 ? home : Path.Combine(home, path[2..]));
        }

        return Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(context.WorkingDirectory, path));
    }

    /// <summary>Whether a short volume source names a host path (a bind) rather than a named volume.</summary>
    public static bool LooksLikePath(string source) =>
        source.StartsWith('.') || source.StartsWith('/') || source.StartsWith('~') || source.StartsWith('\\')
        || (source.Length >= 2 && char.IsAsciiLetter(source[0]) && source[1] == ':');

    /// <summary>Build contexts may be git or http URLs, which stay as written.</summary>
    public static bool IsRemote(string context) =>
        context.Contains("://", StringComparison.Ordinal)
        || context.StartsWith("git@", StringComparison.Ordinal)
        || context.StartsWith("github.com/", StringComparison.Ordinal);
}
