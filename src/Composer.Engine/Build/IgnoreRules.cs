namespace Composer.Engine.Build;

/// <summary>
/// The lines of a .dockerignore file in order: the last line that matches a path decides, so a later '!' line
/// brings back what an earlier line left out.
/// </summary>
public sealed class IgnoreRules
{
    private readonly IReadOnlyList<IgnorePattern> patterns;

    private IgnoreRules(IReadOnlyList<IgnorePattern> patterns, string text)
    {
        this.patterns = patterns;
        Text = text;
    }

    public static IgnoreRules Empty { get; } = new([], "");

    /// <summary>The file the rules were read from, to hand on to a builder that applies them again.</summary>
    public string Text { get; }

    public bool HasExceptions => patterns.Any(pattern => pattern.IsException);

    public static IgnoreRules Parse(string text) =>
        new([.. text.Split('\n').Select(IgnorePattern.Parse).OfType<IgnorePattern>()], text);

    /// <summary>Patterns given one per item (watch rules' ignore and include lists).</summary>
    public static IgnoreRules Of(IEnumerable<string> lines) => Parse(string.Join('\n', lines));

    /// <summary>
    /// The rules a build of <paramref name="context"/> uses: <c>&lt;Dockerfile&gt;.dockerignore</c> next to the Dockerfile
    /// wins over the context's <c>.dockerignore</c>; none is an empty set.
    /// </summary>
    public static IgnoreRules ForBuild(string context, string? dockerfile)
    {
        var nextToDockerfile = Path.GetFullPath(dockerfile ?? "Dockerfile", context) + ".dockerignore";
        var path = File.Exists(nextToDockerfile) ? nextToDockerfile : Path.Combine(context, ".dockerignore");
        return File.Exists(path) ? Parse(File.ReadAllText(path)) : Empty;
    }

    /// <summary>
    /// True when the path or one of its parent folders is ignored: what a build leaves out of its context. With '!'
    /// lines a file under an ignored folder may come back, so then only the path itself decides.
    /// </summary>
    public bool IsIgnoredOrUnder(string relativePath)
    {
        if (patterns.Count == 0 || HasExceptions)
        {
            return IsIgnored(relativePath);
        }

        for (var end = relativePath.IndexOf('/', StringComparison.Ordinal); end > 0; end = relativePath.IndexOf('/', end + 1))
        {
            if (IsIgnored(relativePath[..end]))
            {
                return true;
            }
        }

        return IsIgnored(relativePath);
    }

    /// <summary>True when the '/'-separated path relative to the context is left out of the build context.</summary>
    public bool IsIgnored(string relativePath)
    {
        var ignored = false;
        foreach (var pattern in patterns)
        {
            if (pattern.IsException == ignored && pattern.Matches(relativePath))
            {
                ignored = !pattern.IsException;
            }
        }

        return ignored;
    }
}
