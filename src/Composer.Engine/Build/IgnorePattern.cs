using System.Text;
using System.Text.RegularExpressions;

namespace Composer.Engine.Build;

/// <summary>One line of a .dockerignore file, compiled to an anchored regular expression over '/'-separated paths.</summary>
internal sealed class IgnorePattern
{
    private readonly Regex regex;

    private IgnorePattern(string text, bool exclusion)
    {
        Text = text;
        IsException = exclusion;
        regex = new Regex(ToRegex(text), RegexOptions.CultureInvariant | RegexOptions.Singleline);
    }

    /// <summary>The cleaned pattern, without the leading '!' or '/'.</summary>
    public string Text { get; }

    /// <summary>A '!' line: it re-includes what earlier lines excluded.</summary>
    public bool IsException { get; }

    /// <summary>Null for blank lines and comments.</summary>
    public static IgnorePattern? Parse(string line)
    {
        var text = line.Trim();
        if (text.Length == 0 || text.StartsWith('#'))
        {
            return null;
        }

        var exclusion = text.StartsWith('!');
        if (exclusion)
        {
            text = text[1..].Trim();
        }

        text = Clean(text);
        return text.Length == 0 ? null : new IgnorePattern(text, exclusion);
    }

    /// <summary>True when the pattern names the path itself or one of its parent directories.</summary>
    public bool Matches(string relativePath)
    {
        if (regex.IsMatch(relativePath))
        {
            return true;
        }

        // A pattern naming a directory covers everything inside it.
        for (var slash = relativePath.LastIndexOf('/'); slash > 0; slash = relativePath.LastIndexOf('/', slash - 1))
        {
            if (regex.IsMatch(relativePath[..slash]))
            {
                return true;
            }
        }

        return false;
    }

    // Paths are compared in the context's own terms: no leading '/', no '.' or '..' segments, no doubled slashes.
    private static string Clean(string text)
    {
        var segments = new List<string>();
        foreach (var segment in text.Replace('\\', '/').Split('/'))
        {
            if (segment is "" or ".")
            {
                continue;
            }

            if (segment == "..")
            {
                if (segments.Count > 0)
                {
                    segments.RemoveAt(segments.Count - 1);
                }

                continue;
            }

            segments.Add(segment);
        }

        return string.Join('/', segments);
    }

    private static string ToRegex(string pattern)
    {
        var builder = new StringBuilder("^");
        for (var index = 0; index < pattern.Length; index++)
        {
            var current = pattern[index];
            switch (current)
            {
                case '*' when index + 1 < pattern.Length && pattern[index + 1] == '*':
                    index++;
                    if (index + 1 < pattern.Length && pattern[index + 1] == '/')
                    {
                        // "**/" spans zero or more whole directories.
                        index++;
                        builder.Append("(?:.*/)?");
                    }
                    else
                    {
                        builder.Append(".*");
                    }

                    break;
                case '*':
                    builder.Append("[^/]*");
                    break;
                case '?':
                    builder.Append("[^/]");
                    break;
                case '[':
                    var close = pattern.IndexOf(']', index + 1);
                    if (close < 0)
                    {
                        builder.Append(@"\[");
                        break;
                    }

                    var set = pattern[(index + 1)..close];
                    if (set.StartsWith('!') || set.StartsWith('^'))
                    {
                        set = "^" + set[1..];
                    }

                    builder.Append('[').Append(set.Replace(@"\", @"\\", StringComparison.Ordinal)).Append(']');
                    index = close;
                    break;
                default:
                    builder.Append(Regex.Escape(current.ToString()));
                    break;
            }
        }

        return builder.Append('$').ToString();
    }
}
