using System.Text.RegularExpressions;

namespace Composer.Loader.Validation;

/// <summary>
/// A regular expression of the schema. The shapes the compose schema uses on every key of every mapping are matched
/// without the regex engine: an anchored literal prefix (<c>^x-</c>), a whole value of one character class
/// (<c>^[a-zA-Z0-9._-]+$</c>) and any non-empty line (<c>^.+$</c>). Building and first running a Regex costs
/// milliseconds of start-up in every process; any other pattern still gets a Regex.
/// </summary>
internal sealed class SchemaPattern
{
    private readonly string? _literalPrefix;
    private readonly bool[]? _asciiClass;
    private readonly bool _anyLine;
    private readonly Regex? _regex;

    public SchemaPattern(string source)
    {
        Source = source;
        if (source == "^.+$")
        {
            _anyLine = true;
        }
        else if (source.Length > 1 && source[0] == '^' && !ContainsAny(source.AsSpan(1), RegexSpecials))
        {
            _literalPrefix = source[1..];
        }
        else if (ParseWholeClass(source) is { } asciiClass)
        {
            _asciiClass = asciiClass;
        }
        else
        {
            _regex = new Regex(source, RegexOptions.CultureInvariant);
        }
    }

    public string Source { get; }

    public bool IsMatch(string text)
    {
        if (_literalPrefix is not null)
        {
            return text.StartsWith(_literalPrefix, StringComparison.Ordinal);
        }

        if (_asciiClass is not null)
        {
            return text.Length > 0 && AllInClass(text, _asciiClass);
        }

        if (_anyLine)
        {
            return text.Length > 0 && !text.Contains('\n', StringComparison.Ordinal);
        }

        return _regex!.IsMatch(text);
    }

    private static string RegexSpecials => "\\.[]{}()*+?^$|";

    // A plain loop: the vectorised IndexOfAny builds a searcher and JIT-compiles it, milliseconds at every start-up
    // for a handful of short patterns.
    private static bool ContainsAny(ReadOnlySpan<char> text, string characters)
    {
        foreach (var character in text)
        {
            if (characters.Contains(character, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AllInClass(string text, bool[] asciiClass)
    {
        foreach (var character in text)
        {
            if (character >= asciiClass.Length || !asciiClass[character])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The members of <c>^[...]+$</c> written with plain ASCII characters and ranges; null for any other pattern.</summary>
    private static bool[]? ParseWholeClass(string source)
    {
        if (!source.StartsWith("^[", StringComparison.Ordinal) || !source.EndsWith("]+$", StringComparison.Ordinal))
        {
            return null;
        }

        var members = source.AsSpan(2, source.Length - 5);
        if (members.IsEmpty || members[0] == '^' || ContainsAny(members, "\\[]"))
        {
            return null;
        }

        var asciiClass = new bool[128];
        for (var index = 0; index < members.Length; index++)
        {
            var first = members[index];
            var isRange = index + 2 < members.Length && members[index + 1] == '-';
            var last = isRange ? members[index + 2] : first;
            if (first >= 128 || last >= 128 || last < first)
            {
                return null;
            }

            for (var character = first; character <= last; character++)
            {
                asciiClass[character] = true;
            }

            index += isRange ? 2 : 0;
        }

        return asciiClass;
    }
}
