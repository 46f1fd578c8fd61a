using System.Text;

namespace Composer.Loader.Binding;

/// <summary>
/// Splits a string <c>command</c> or <c>entrypoint</c> into words the way a POSIX shell would, without expanding
/// anything: single quotes are literal, double quotes allow backslash escapes, an unquoted backslash escapes the next character.
/// </summary>
internal static class ShellWords
{
    public static bool TrySplit(string text, out IReadOnlyList<string> words, out string error)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        error = string.Empty;
        words = result;
        for (var position = 0; position < text.Length; position++)
        {
            var character = text[position];
            if (char.IsWhiteSpace(character))
            {
                if (inWord)
                {
                    result.Add(current.ToString());
                    current.Clear();
                    inWord = false;
                }

                continue;
            }

            inWord = true;
            switch (character)
            {
                case '\\':
                    if (position + 1 < text.Length)
                    {
                        position++;
                        current.Append(text[position]);
                    }

                    break;
                case '\'':
                    var closingSingle = text.IndexOf('\'', position + 1);
                    if (closingSingle < 0)
                    {
                        error = "unterminated single quote";
                        return false;
                    }

                    current.Append(text, position + 1, closingSingle - position - 1);
                    position = closingSingle;
                    break;
                case '"':
                    position++;
                    var closed = false;
                    for (; position < text.Length; position++)
                    {
                        var quoted = text[position];
                        if (quoted == '"')
                        {
                            closed = true;
                            break;
                        }

                        if (quoted == '\\' && position + 1 < text.Length && text[position + 1] is '"' or '\\' or '$' or '`')
                        {
                            position++;
                            quoted = text[position];
                        }

                        current.Append(quoted);
                    }

                    if (!closed)
                    {
                        error = "unterminated double quote";
                        return false;
                    }

                    break;
                default:
                    current.Append(character);
                    break;
            }
        }

        if (inWord)
        {
            result.Add(current.ToString());
        }

        return true;
    }
}
