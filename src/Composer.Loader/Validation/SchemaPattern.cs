using System.Text.RegularExpressions;

namespace Composer.Loader.Validation;

/// <summary>
/// A regular expression of the schema. Anchored literal prefixes (<c>^x-</c>, the extension marker checked on every key
/// of every mapping) are tested with a plain prefix comparison; the rest run as interpreted regexes, which build in
/// microseconds where compiled ones would cost milliseconds at every process start.
/// </summary>
internal sealed class SchemaPattern
{
    private readonly string? _literalPrefix;
    private readonly Regex? _regex;

    public SchemaPattern(string source)
    {
        Source = source;
        if (source.Length > 1 && source[0] == '^' && source.AsSpan(1).IndexOfAny(RegexSpecials) < 0)
        {
            _literalPrefix = source[1..];
        }
        else
        {
            _regex = new Regex(source, RegexOptions.CultureInvariant);
        }
    }

    public string Source { get; }

    public bool IsMatch(string text) => _literalPrefix is not null
        ? text.StartsWith(_literalPrefix, StringComparison.Ordinal)
        : _regex!.IsMatch(text);

    private static ReadOnlySpan<char> RegexSpecials => "\\.[]{}()*+?^$|";
}
