namespace Composer.Engine.Build;

/// <summary>
/// The lines of a .dockerignore file in order: the last line that matches a path decides, so a later '!' line
/// brings back what an earlier line left out.
/// </summary>
internal sealed class IgnoreRules
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
