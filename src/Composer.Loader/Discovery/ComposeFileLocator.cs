using Composer.Loader.Diagnostics;
using Composer.Loader.Tree;

namespace Composer.Loader.Discovery;

/// <summary>
/// Decides which compose files make the project: the <c>-f</c> list, else COMPOSE_FILE, else the first folder from
/// the working directory upwards holding a default compose file, together with its override file.
/// </summary>
internal static class ComposeFileLocator
{
    /// <summary>The <c>-f</c> value that means standard input.</summary>
    public const string StandardInputName = "-";

    public static IReadOnlyList<string> DefaultFileNames { get; } = ["compose.yaml", "compose.yml", "docker-compose.yml", "docker-compose.yaml"];

    /// <summary>
    /// Returns absolute paths in merge order (standard input stays <c>-</c>); reports and returns an empty list when
    /// nothing usable is found.
    /// </summary>
    /// <param name="composeFileVariable">COMPOSE_FILE from the process environment or the .env file, if any.</param>
    /// <param name="pathSeparator">COMPOSE_PATH_SEPARATOR, if any; ':' otherwise.</param>
    public static IReadOnlyList<string> Locate(
        IReadOnlyList<string> configFiles,
        string workingDirectory,
        string? composeFileVariable,
        string? pathSeparator,
        DiagnosticBag diagnostics)
    {
        if (configFiles.Count > 0)
        {
            return CheckExisting(configFiles, workingDirectory, "-f", diagnostics);
        }

        if (!string.IsNullOrWhiteSpace(composeFileVariable))
        {
            var separator = string.IsNullOrEmpty(pathSeparator) ? ":" : pathSeparator;
            var listed = composeFileVariable.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return CheckExisting(listed, workingDirectory, "COMPOSE_FILE", diagnostics);
        }

        return Discover(workingDirectory, diagnostics);
    }

    private static IReadOnlyList<string> CheckExisting(IReadOnlyList<string> files, string workingDirectory, string origin, DiagnosticBag diagnostics)
    {
        var located = new List<string>();
        foreach (var file in files)
        {
            if (file == StandardInputName)
            {
                located.Add(file);
                continue;
            }

            var fullPath = Path.GetFullPath(file, workingDirectory);
            if (!File.Exists(fullPath))
            {
                var what = Directory.Exists(fullPath) ? "is a folder, not a compose file" : "not found";
                diagnostics.Error(new Mark(fullPath, 0, 0), string.Empty, $"compose file {fullPath} ({origin}) {what}");
                continue;
            }

            located.Add(fullPath);
        }

        return located;
    }

    private static IReadOnlyList<string> Discover(string workingDirectory, DiagnosticBag diagnostics)
    {
        var start = Path.GetFullPath(workingDirectory);
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            foreach (var fileName in DefaultFileNames)
            {
                var candidate = Path.Combine(folder.FullName, fileName);
                if (File.Exists(candidate))
                {
                    var overrideFile = FindOverride(folder.FullName, fileName);
                    return overrideFile is null ? [candidate] : [candidate, overrideFile];
                }
            }
        }

        diagnostics.Error(
            new Mark(start, 0, 0),
            string.Empty,
            $"no compose file found in {start} or its parent folders (looked for {string.Join(", ", DefaultFileNames)}); use -f to name one");
        return [];
    }

    /// <summary><c>compose.yaml</c> pairs with <c>compose.override.yaml</c> (or <c>.yml</c>), and so on.</summary>
    private static string? FindOverride(string folder, string baseFileName)
    {
        var stem = Path.GetFileNameWithoutExtension(baseFileName);
        var extension = Path.GetExtension(baseFileName);
        var otherExtension = extension == ".yaml" ? ".yml" : ".yaml";
        foreach (var candidateExtension in new[] { extension, otherExtension })
        {
            var candidate = Path.Combine(folder, stem + ".override" + candidateExtension);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
