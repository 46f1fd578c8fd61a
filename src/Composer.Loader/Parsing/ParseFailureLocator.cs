using YamlDotNet.Core.Events;
using Mark = Composer.Loader.Tree.Mark;

namespace Composer.Loader.Parsing;

/// <summary>
/// Finds a line and column for the YAML errors YamlDotNet gives without a usable one: tab errors it puts at 1:1, and
/// failures of its own (an <see cref="InvalidOperationException"/> on <c>{#a: 1}</c>) that carry no position at all.
/// </summary>
internal static class ParseFailureLocator
{
    /// <summary>The first tab in the indentation of a line at or after the last event read; null when there is none.</summary>
    public static Mark? IndentationTab(string text, long lastEventStart, string fileName)
    {
        var index = (int)Math.Clamp(lastEventStart, 0, text.Length);
        index = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;

        while (index < text.Length)
        {
            // Walk the leading blanks of this line (indentation), and the blanks after a "- " or "? " indicator.
            var position = index;
            while (position < text.Length && text[position] is ' ' or '\t' or '-' or '?')
            {
                if (text[position] == '\t')
                {
                    return At(text, fileName, position);
                }

                position++;
            }

            var lineEnd = text.IndexOf('\n', index);
            if (lineEnd < 0)
            {
                break;
            }

            index = lineEnd + 1;
        }

        return null;
    }

    /// <summary>The first character after the last event the parser gave, where reading stopped.</summary>
    public static Mark AfterLastEvent(string text, string fileName, ParsingEvent? lastEvent, bool atEnd = false)
    {
        if (lastEvent is null)
        {
            return At(text, fileName, atEnd ? Math.Max(0, text.Length - 1) : 0);
        }

        var index = (int)Math.Clamp(lastEvent.End.Index, 0, text.Length);
        // A collection start is an empty span at its '[' or '{': step over the indicator itself.
        if (lastEvent is MappingStart or SequenceStart && index < text.Length && text[index] is '[' or '{')
        {
            index++;
        }

        while (index < text.Length && char.IsWhiteSpace(text[index]))
        {
            index++;
        }

        return At(text, fileName, Math.Min(index, Math.Max(0, text.Length - 1)));
    }

    /// <summary>Names the character at <paramref name="mark"/> for a message.</summary>
    public static string Describe(string text, Mark mark)
    {
        var index = IndexOf(text, mark);
        if (index >= text.Length)
        {
            return "unexpected end of the file";
        }

        var character = text[index];
        return char.IsControl(character) || char.IsWhiteSpace(character)
            ? $"cannot read the text from here (character U+{(int)character:X4})"
            : $"cannot read the text from here ('{character}')";
    }

    private static Mark At(string text, string fileName, int index)
    {
        var lineStart = index == 0 ? 0 : text.LastIndexOf('\n', index - 1) + 1;
        var line = text.AsSpan(0, lineStart).Count('\n') + 1;
        return new Mark(fileName, line, index - lineStart + 1);
    }

    private static int IndexOf(string text, Mark mark)
    {
        var index = 0;
        for (var line = 1; line < mark.Line && index < text.Length; line++)
        {
            var next = text.IndexOf('\n', index);
            index = next < 0 ? text.Length : next + 1;
        }

        return Math.Min(text.Length, index + mark.Column - 1);
    }
}
