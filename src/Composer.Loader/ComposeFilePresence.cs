using Composer.Loader.Diagnostics;
using Composer.Loader.Discovery;

namespace Composer.Loader;

/// <summary>
/// Whether a command has compose files to load at all. Commands such as <c>down -p NAME</c> and <c>ps -p NAME</c>
/// work on a project by name alone, as docker compose's do, when there is no file.
/// </summary>
public static class ComposeFilePresence
{
    public static bool Any(LoadOptions options)
    {
        if (options.ConfigFiles.Count > 0)
        {
            return true;
        }

        options.Environment.TryGetValue("COMPOSE_FILE", out var composeFile);
        options.Environment.TryGetValue("COMPOSE_PATH_SEPARATOR", out var separator);
        var found = ComposeFileLocator.Locate([], Path.GetFullPath(options.WorkingDirectory), composeFile, separator, new DiagnosticBag());
        return found.Count > 0;
    }
}
