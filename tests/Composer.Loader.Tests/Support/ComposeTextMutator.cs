using System.Text;

namespace Composer.Loader.Tests.Support;

/// <summary>
/// Damages compose text for property tests, one operation per number: drop, repeat or insert a character, swap two
/// lines, or put a troublesome value after a key or list dash (numbers out of range, templates, odd port and
/// duration forms) so that the damage also reaches the stages after the YAML reader.
/// </summary>
internal static class ComposeTextMutator
{
    private const int OperationKinds = 5;

    private static readonly char[] InterestingCharacters = [':', '{', '}', '[', ']', '-', '&', '*', '!', '$', '"', '\'', '#', '\n', ' ', '<', '|', '>', '\t', '%', '@', '`', '?', ','];

    private static readonly string[] InterestingValues =
    [
        "", "null", "~", "true", "no", "-1", "0", "1.5", "1e400", "0x1F", "0o17", ".inf", "99999999999999999999", "[]", "{}",
        "\"${PORT}:80\"", "${UNSET}", "\"${A:?is required}\"", "$$", "::", "80-", "8080-8079:80", "a:b:c:d", "/", ".", "..",
        "1h2x", "-5s", "1gb", "10Q", "[1, [2]]", "{a: {b: c}}", "!reset []", "!override x", "*nothing", "\"\\u0000\"",
        "service:ghost", "container:", "host:1.2.3.4:5", "tcp", "0:0:0:0", "\"[::1]:80:80\"", "-", "|\n  x", "'", "\"\"",
    ];

    /// <summary>The same number turned into a value replacement, whatever operation it stood for.</summary>
    public static uint AsValueReplacement(uint operation) => ((operation >> 3) * OperationKinds) + (OperationKinds - 1);

    public static string Mutate(string text, IEnumerable<uint> operations)
    {
        var builder = new StringBuilder(text);
        foreach (var operation in operations)
        {
            if (builder.Length == 0)
            {
                break;
            }

            var position = (int)(operation / OperationKinds % (uint)builder.Length);
            switch (operation % OperationKinds)
            {
                case 0:
                    builder.Remove(position, 1);
                    break;
                case 1:
                    builder.Insert(position, builder[position]);
                    break;
                case 2:
                    builder.Insert(position, InterestingCharacters[(int)(operation / 7 % (uint)InterestingCharacters.Length)]);
                    break;
                case 3:
                    builder = new StringBuilder(SwapLines(builder.ToString(), operation));
                    break;
                default:
                    builder = new StringBuilder(ReplaceValue(builder.ToString(), operation));
                    break;
            }
        }

        return builder.ToString();
    }

    private static string SwapLines(string text, uint operation)
    {
        var lines = text.Split('\n');
        var first = (int)(operation / 4 % (uint)lines.Length);
        var second = (int)(operation / 13 % (uint)lines.Length);
        (lines[first], lines[second]) = (lines[second], lines[first]);
        return string.Join('\n', lines);
    }

    private static int Indentation(string line) => line.Length - line.TrimStart(' ').Length;

    /// <summary>Replaces what follows the first <c>": "</c> or <c>"- "</c> of one line with an interesting value.</summary>
    private static string ReplaceValue(string text, uint operation)
    {
        var lines = text.Split('\n');
        var lineIndex = (int)(operation / 5 % (uint)lines.Length);
        var line = lines[lineIndex];
        var value = InterestingValues[(int)(operation / 11 % (uint)InterestingValues.Length)];
        var colon = line.IndexOf(": ", StringComparison.Ordinal);
        var dash = line.IndexOf("- ", StringComparison.Ordinal);
        var cut = colon >= 0 ? colon + 2 : dash >= 0 ? dash + 2 : line.EndsWith(':') ? line.Length : -1;
        if (cut < 0)
        {
            return text;
        }

        if (cut < line.Length)
        {
            lines[lineIndex] = line[..cut] + value;
            return string.Join('\n', lines);
        }

        // A key whose value is the block below it: the whole block is replaced, so the YAML stays readable.
        var indentation = Indentation(line);
        var blockEnd = lineIndex + 1;
        while (blockEnd < lines.Length && (lines[blockEnd].Trim().Length == 0 || Indentation(lines[blockEnd]) > indentation))
        {
            blockEnd++;
        }

        return string.Join('\n', lines[..lineIndex].Append(line + " " + value).Concat(lines[blockEnd..]));
    }
}
