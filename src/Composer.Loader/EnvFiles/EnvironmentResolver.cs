using Composer.Loader.Diagnostics;
using Composer.Loader.IO;
using Composer.Loader.Limits;
using Composer.Loader.Tree;

namespace Composer.Loader.EnvFiles;

/// <summary>
/// Works out the variables interpolation sees: the <c>--env-file</c> files in order (a later file wins), or else the
/// project folder's <c>.env</c> when there is one; the process environment wins over both.
/// </summary>
internal static class EnvironmentResolver
{
    public const string DefaultEnvFileName = ".env";

    /// <param name="explicitEnvFiles">Absolute <c>--env-file</c> paths; empty means the project's <c>.env</c>.</param>
    public static async Task<IReadOnlyDictionary<string, string>> ResolveAsync(
        IReadOnlyDictionary<string, string> processEnvironment,
        IReadOnlyList<string> explicitEnvFiles,
        string projectDirectory,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        var fromFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in FilesToRead(explicitEnvFiles, projectDirectory))
        {
            if (Directory.Exists(path))
            {
                diagnostics.Error(new Mark(path, 0, 0), string.Empty, $"env file {path} is a directory");
                continue;
            }

            var text = await TextFileReader.ReadAsync(path, "env file", InputLimits.MaxEnvFileBytes, diagnostics, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                continue;
            }

            var values = DotEnvParser.Parse(text, path, name => Lookup(processEnvironment, fromFiles, name), diagnostics);
            foreach (var (key, value) in values)
            {
                fromFiles[key] = value;
            }
        }

        var resolved = new Dictionary<string, string>(fromFiles, StringComparer.Ordinal);
        foreach (var (key, value) in processEnvironment)
        {
            resolved[key] = value;
        }

        return resolved;
    }

    private static IEnumerable<string> FilesToRead(IReadOnlyList<string> explicitEnvFiles, string projectDirectory)
    {
        if (explicitEnvFiles.Count > 0)
        {
            return explicitEnvFiles;
        }

        var defaultFile = Path.Combine(projectDirectory, DefaultEnvFileName);
        return File.Exists(defaultFile) ? [defaultFile] : [];
    }

    private static string? Lookup(IReadOnlyDictionary<string, string> processEnvironment, Dictionary<string, string> fromFiles, string name) =>
        processEnvironment.TryGetValue(name, out var value) ? value : fromFiles.GetValueOrDefault(name);
}
