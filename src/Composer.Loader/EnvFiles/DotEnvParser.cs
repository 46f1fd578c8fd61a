using System.Text;
using Composer.Loader.Diagnostics;
using Composer.Loader.Interpolation;
using Composer.Loader.Limits;
using Composer.Loader.Tree;

namespace Composer.Loader.EnvFiles;

/// <summary>
/// Reads the <c>.env</c> format: <c>KEY=value</c> or <c>KEY: value</c> lines, blank lines and <c># comments</c>,
/// an optional <c>export </c> prefix, single-quoted literals, double-quoted values with escapes (spanning lines if
/// needed), unquoted values whose trailing <c> # comment</c> is dropped, and <c>${VAR}</c> substitution in unquoted
/// and double-quoted values. A bare <c>KEY</c> takes its value from the lookup, or is left out when unknown.
/// </summary>
internal sealed class DotEnvParser
{
    private readonly string _text;
    private readonly string _fileName;
    private readonly Func<string, string?> _lookup;
    private readonly DiagnosticBag _diagnostics;
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly SubstitutionBudget _budget = new();
    private int _position;
    private int _line = 1;
    private int _lineStart;

    private DotEnvParser(string text, string fileName, Func<string, string?> lookup, DiagnosticBag diagnostics)
    {
        _text = text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        _fileName = fileName;
        _lookup = lookup;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Parses <paramref name="text"/>. Substitutions see <paramref name="lookup"/> first (the process environment
    /// wins in the end anyway), then the lines above. Problems are reported per line; the lines that parse are kept.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Parse(string text, string fileName, Func<string, string?> lookup, DiagnosticBag diagnostics)
    {
        var parser = new DotEnvParser(text, fileName, lookup, diagnostics);
        parser.ParseLines();
        return parser._values;
    }

    private Mark CurrentMark => new(_fileName, _line, _position - _lineStart + 1);

    private void ParseLines()
    {
        while (_position < _text.Length)
        {
            SkipInlineSpace();
            if (AtLineEnd())
            {
                ConsumeLineEnd();
                continue;
            }

            if (Current == '#')
            {
                SkipRestOfLine();
                continue;
            }

            try
            {
                ParseStatement();
            }
            catch (DotEnvSyntaxException exception)
            {
                _diagnostics.Error(exception.Mark, string.Empty, exception.Message);
                if (_budget.ValueLimit < InputLimits.MaxSubstitutedValueLength)
                {
                    // The file's substitution budget is spent: every later line would only repeat this error.
                    return;
                }

                SkipRestOfLine();
            }
        }
    }

    private char Current => _text[_position];

    private void ParseStatement()
    {
        SkipExportKeyword();
        var keyMark = CurrentMark;
        var keyStart = _position;
        while (_position < _text.Length && IsKeyCharacter(Current))
        {
            _position++;
        }

        var key = _text[keyStart.._position];
        SkipInlineSpace();
        if (key.Length == 0)
        {
            throw new DotEnvSyntaxException(keyMark, AtLineEnd() ? "missing variable name" : $"unexpected character '{Current}' where a variable name should start");
        }

        if (AtLineEnd())
        {
            // A bare name passes the caller's value through, and nothing when the caller has none.
            var inherited = _lookup(key) ?? (_values.TryGetValue(key, out var earlier) ? earlier : null);
            if (inherited is not null)
            {
                _values[key] = inherited;
            }

            ConsumeLineEnd();
            return;
        }

        if (Current is not ('=' or ':'))
        {
            throw new DotEnvSyntaxException(CurrentMark, $"unexpected character '{Current}' in variable name '{key}'");
        }

        _position++;
        var valueStartedAfterSpace = SkipInlineSpace();
        var value = _position >= _text.Length ? string.Empty : Current switch
        {
            '\'' => ReadSingleQuoted(),
            '"' => ReadDoubleQuoted(),
            _ => ReadUnquoted(valueStartedAfterSpace),
        };
        _values[key] = value;
        SkipRestOfLine();
    }

    private string ReadSingleQuoted()
    {
        var openMark = CurrentMark;
        _position++;
        var builder = new StringBuilder();
        while (_position < _text.Length)
        {
            var character = Current;
            if (character == '\\' && _position + 1 < _text.Length && _text[_position + 1] == '\'')
            {
                builder.Append('\'');
                _position += 2;
                continue;
            }

            if (character == '\'')
            {
                _position++;
                return builder.ToString();
            }

            AdvanceOver(character);
            builder.Append(character);
        }

        throw new DotEnvSyntaxException(openMark, "unterminated single-quoted value");
    }

    private string ReadDoubleQuoted()
    {
        var openMark = CurrentMark;
        _position++;

        // Escapes are decoded into a substitution template: an escaped dollar becomes "$$" so that it stays literal.
        var template = new StringBuilder();
        while (_position < _text.Length)
        {
            var character = Current;
            if (character == '"')
            {
                _position++;
                return Substitute(template.ToString(), openMark);
            }

            if (character == '\\' && _position + 1 < _text.Length)
            {
                var escaped = _text[_position + 1];
                template.Append(escaped switch
                {
                    'n' => "\n",
                    'r' => "\r",
                    't' => "\t",
                    '$' => "$$",
                    _ => escaped.ToString(),
                });
                _position += 2;
                continue;
            }

            AdvanceOver(character);
            template.Append(character);
        }

        throw new DotEnvSyntaxException(openMark, "unterminated double-quoted value");
    }

    private string ReadUnquoted(bool startedAfterSpace)
    {
        var valueMark = CurrentMark;
        var start = _position;
        var end = _position;
        while (end < _text.Length && _text[end] is not ('\n' or '\r'))
        {
            // A comment starts at '#' preceded by a space, or first in a value that was itself preceded by a space.
            if (_text[end] == '#' && (end == start ? startedAfterSpace : _text[end - 1] is ' ' or '\t'))
            {
                break;
            }

            end++;
        }

        var raw = _text[start..end].TrimEnd(' ', '\t');
        _position = end;
        return Substitute(raw, valueMark);
    }

    private string Substitute(string template, Mark mark)
    {
        var result = TemplateSubstituter.Substitute(template, name => _lookup(name) ?? (_values.TryGetValue(name, out var value) ? value : null), _budget);
        if (!result.Succeeded)
        {
            throw new DotEnvSyntaxException(mark, result.Error!);
        }

        return result.Value;
    }

    private void SkipExportKeyword()
    {
        const string keyword = "export";
        if (string.CompareOrdinal(_text, _position, keyword, 0, keyword.Length) == 0
            && _position + keyword.Length < _text.Length
            && _text[_position + keyword.Length] is ' ' or '\t')
        {
            _position += keyword.Length;
            SkipInlineSpace();
        }
    }

    private bool SkipInlineSpace()
    {
        var skipped = false;
        while (_position < _text.Length && Current is ' ' or '\t' or '\f' or '\v')
        {
            _position++;
            skipped = true;
        }

        return skipped;
    }

    private bool AtLineEnd() => _position >= _text.Length || Current is '\n' or '\r';

    private void ConsumeLineEnd()
    {
        if (_position >= _text.Length)
        {
            return;
        }

        if (Current == '\r' && _position + 1 < _text.Length && _text[_position + 1] == '\n')
        {
            _position++;
        }

        _position++;
        _line++;
        _lineStart = _position;
    }

    /// <summary>Skips to the next line, allowing only blanks or a comment after a quoted value.</summary>
    private void SkipRestOfLine()
    {
        while (!AtLineEnd())
        {
            _position++;
        }

        ConsumeLineEnd();
    }

    private void AdvanceOver(char character)
    {
        _position++;
        if (character == '\n')
        {
            _line++;
            _lineStart = _position;
        }
    }

    private static bool IsKeyCharacter(char character) =>
        char.IsLetterOrDigit(character) || character is '_' or '.' or '-';
}
