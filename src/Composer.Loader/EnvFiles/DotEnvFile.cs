using Composer.Loader.Diagnostics;

namespace Composer.Loader.EnvFiles;

/// <summary>The .env syntax for callers outside the loader (run --env-from-file): values, or the first problem as one line.</summary>
public static class DotEnvFile
{
    public static IReadOnlyDictionary<string, string> Parse(string text, string fileName, Func<string, string?> lookup, out string? problem)
    {
        var diagnostics = new DiagnosticBag();
        var values = DotEnvParser.Parse(text, fileName, lookup, diagnostics);
        problem = diagnostics.Items.Count > 0 ? diagnostics.Items[0].ToString() : null;
        return values;
    }
}
