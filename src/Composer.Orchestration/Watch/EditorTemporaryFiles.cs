namespace Composer.Orchestration.Watch;

/// <summary>
/// Files editors write next to the one being edited and remove again (swap and backup files, vim's write test,
/// emacs lock files, JetBrains safe-write copies): syncing them would only add noise and churn in the containers.
/// </summary>
internal static class EditorTemporaryFiles
{
    private static readonly string[] VimSwapEndings = [".swp", ".swx", ".swo", ".swn"];

    public static bool Matches(string fileName) =>
        fileName.EndsWith('~')
        || fileName == "4913"
        || (fileName.StartsWith('.') && VimSwapEndings.Any(ending => fileName.EndsWith(ending, StringComparison.Ordinal)))
        || fileName.EndsWith(".kate-swp", StringComparison.Ordinal)
        || fileName.StartsWith(".#", StringComparison.Ordinal)
        || (fileName.Length > 1 && fileName.StartsWith('#') && fileName.EndsWith('#'))
        || fileName.EndsWith("___jb_old___", StringComparison.Ordinal)
        || fileName.EndsWith("___jb_tmp___", StringComparison.Ordinal)
        || fileName.EndsWith("-go-tmp-umask", StringComparison.Ordinal);

    /// <summary>Folders whose changes never matter to a container: version control and editor state.</summary>
    public static bool IsUnderIgnoredFolder(string absolutePath) =>
        absolutePath.Contains("/.git/", StringComparison.Ordinal) || absolutePath.EndsWith("/.git", StringComparison.Ordinal)
        || absolutePath.Contains("/.idea/", StringComparison.Ordinal);
}
