using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Composer.Cli.Output;

/// <summary>
/// The part of Go's text/template that docker's <c>--format</c> users write: <c>{{.Name}}</c>, <c>{{.A.B}}</c>,
/// <c>{{json .}}</c>, <c>{{json .Labels}}</c>, <c>{{upper .X}}</c>, <c>{{lower .X}}</c>, <c>{{join .List ","}}</c>,
/// literal text with <c>\t</c> and <c>\n</c>, and the <c>table</c> prefix (a header row, aligned columns). Rows are
/// the same JSON-shaped dictionaries <c>--format json</c> prints, so no reflection is involved (native AOT).
/// </summary>
internal sealed class GoTemplate
{
    private readonly List<Part> _parts;

    private GoTemplate(List<Part> parts, bool table)
    {
        _parts = parts;
        IsTable = table;
    }

    public bool IsTable { get; }

    /// <summary>True for a format that is a template rather than one of the named formats (table, json).</summary>
    public static bool IsTemplate(string format) => format.Contains("{{", StringComparison.Ordinal);

    public static GoTemplate Parse(string format)
    {
        var table = format.StartsWith("table", StringComparison.Ordinal) && (format.Length == 5 || char.IsWhiteSpace(format[5]));
        var text = (table ? format[5..].TrimStart() : format).Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal);
        var parts = new List<Part>();
        var position = 0;
        while (position < text.Length)
        {
            var open = text.IndexOf("{{", position, StringComparison.Ordinal);
            if (open < 0)
            {
                parts.Add(new Part(text[position..], null));
                break;
            }

            if (open > position)
            {
                parts.Add(new Part(text[position..open], null));
            }

            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            if (close < 0)
            {
                throw new UsageException($"--format: unclosed action in template \"{format}\"");
            }

            var action = text[(open + 2)..close].Trim().Trim('-').Trim();
            parts.Add(new Part(null, ParseAction(action, format)));
            position = close + 2;
        }

        return new GoTemplate(parts, table);
    }

    /// <summary>Every row through the template; a table gets a header row and columns split on tabs, aligned.</summary>
    public string Render(IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, IReadOnlyDictionary<string, string>? headers = null)
    {
        var lines = rows.Select(Execute).ToList();
        if (!IsTable)
        {
            return string.Concat(lines.Select(line => line + "\n"));
        }

        var headerLine = string.Concat(_parts.Select(part => part.Text ?? Header(part.Action!, headers)));
        var cells = new[] { headerLine }.Concat(lines).Select(line => line.Split('\t')).ToList();
        var widths = new int[cells.Max(row => row.Length)];
        foreach (var row in cells)
        {
            for (var column = 0; column < row.Length; column++)
            {
                widths[column] = Math.Max(widths[column], row[column].Length);
            }
        }

        var builder = new StringBuilder();
        foreach (var row in cells)
        {
            for (var column = 0; column < row.Length; column++)
            {
                builder.Append(column == row.Length - 1 ? row[column] : row[column].PadRight(Math.Max(widths[column] + 3, 10)));
            }

            builder.Append('\n');
        }

        return builder.ToString();
    }

    public string Execute(IReadOnlyDictionary<string, object?> row)
    {
        var builder = new StringBuilder();
        foreach (var part in _parts)
        {
            builder.Append(part.Text ?? part.Action!.Evaluate(row));
        }

        return builder.ToString();
    }

    private static Action ParseAction(string action, string format)
    {
        var words = Words(action);
        if (words.Count == 0)
        {
            throw new UsageException($"--format: empty action in template \"{format}\"");
        }

        if (words[0].StartsWith('.'))
        {
            return words.Count == 1 ? new Action(null, words[0], null) : throw Unsupported(action, format);
        }

        return (words[0], words.Count) switch
        {
            ("json" or "upper" or "lower" or "title" or "len", 2) when words[1].StartsWith('.') => new Action(words[0], words[1], null),
            ("join", 3) when words[1].StartsWith('.') => new Action("join", words[1], words[2]),
            _ => throw Unsupported(action, format),
        };
    }

    private static UsageException Unsupported(string action, string format) =>
        new($"--format: unsupported action \"{{{{{action}}}}}\" in template \"{format}\" (fields such as .Name, json, upper, lower, join)");

    // Splits on spaces, keeping "quoted strings" whole and unquoted.
    private static List<string> Words(string action)
    {
        var words = new List<string>();
        var index = 0;
        while (index < action.Length)
        {
            if (char.IsWhiteSpace(action[index]))
            {
                index++;
                continue;
            }

            if (action[index] is '"' or '`')
            {
                var quote = action[index];
                var end = action.IndexOf(quote, index + 1);
                end = end < 0 ? action.Length : end;
                words.Add(action[(index + 1)..end].Replace("\\t", "\t", StringComparison.Ordinal).Replace("\\n", "\n", StringComparison.Ordinal));
                index = end + 1;
                continue;
            }

            var start = index;
            while (index < action.Length && !char.IsWhiteSpace(action[index]))
            {
                index++;
            }

            words.Add(action[start..index]);
        }

        return words;
    }

    private static string Header(Action action, IReadOnlyDictionary<string, string>? headers)
    {
        var field = action.Path.TrimStart('.');
        if (field.Length == 0)
        {
            return string.Empty;
        }

        if (headers is not null && headers.TryGetValue(field, out var header))
        {
            return header;
        }

        // CreatedAt -> CREATED AT, as docker's headers read.
        var words = new StringBuilder();
        for (var index = 0; index < field.Length; index++)
        {
            if (index > 0 && char.IsUpper(field[index]) && char.IsLower(field[index - 1]))
            {
                words.Append(' ');
            }

            words.Append(char.ToUpperInvariant(field[index]));
        }

        return words.ToString();
    }

    private sealed record Part(string? Text, Action? Action);

    private sealed record Action(string? Function, string Path, string? Argument)
    {
        public string Evaluate(IReadOnlyDictionary<string, object?> row)
        {
            var value = Resolve(row, Path);
            return Function switch
            {
                null => Text(value),
                "json" => Json(value),
                "upper" => Text(value).ToUpperInvariant(),
                "lower" => Text(value).ToLowerInvariant(),
                "title" => CultureInfo.InvariantCulture.TextInfo.ToTitleCase(Text(value)),
                "len" => (value switch { string text => text.Length, System.Collections.ICollection items => items.Count, _ => 0 }).ToString(CultureInfo.InvariantCulture),
                "join" => value is System.Collections.IEnumerable items and not string
                    ? string.Join(Argument, items.Cast<object?>().Select(Text))
                    : Text(value),
                _ => string.Empty,
            };
        }

        private static object? Resolve(IReadOnlyDictionary<string, object?> row, string path)
        {
            object? current = row;
            foreach (var name in path.Split('.', StringSplitOptions.RemoveEmptyEntries))
            {
                current = current switch
                {
                    IReadOnlyDictionary<string, object?> map => Lookup(map, name),
                    IReadOnlyDictionary<string, string> map => map.TryGetValue(name, out var text) ? text : null,
                    _ => null,
                };
            }

            return current;
        }

        private static object? Lookup(IReadOnlyDictionary<string, object?> map, string name) =>
            map.TryGetValue(name, out var value) ? value
            : map.FirstOrDefault(pair => string.Equals(pair.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

        // Go's default printing: "[a b]" for lists, "map[k:v]" for maps, "<no value>" for nothing.
        private static string Text(object? value) => value switch
        {
            null => "<no value>",
            string text => text,
            bool flag => flag ? "true" : "false",
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            IReadOnlyDictionary<string, string> map => "map[" + string.Join(' ', map.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}:{pair.Value}")) + "]",
            IReadOnlyDictionary<string, object?> map => "map[" + string.Join(' ', map.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}:{Text(pair.Value)}")) + "]",
            System.Collections.IEnumerable items => "[" + string.Join(' ', items.Cast<object?>().Select(Text)) + "]",
            _ => value.ToString() ?? string.Empty,
        };

        private static string Json(object? value) => value switch
        {
            null => "null",
            string text => DataJson.Serialize(text),
            bool flag => flag ? "true" : "false",
            int number => number.ToString(CultureInfo.InvariantCulture),
            long number => number.ToString(CultureInfo.InvariantCulture),
            double number => number.ToString("R", CultureInfo.InvariantCulture),
            Dictionary<string, object?> map => DataJson.Serialize(map),
            IReadOnlyDictionary<string, object?> map => DataJson.Serialize(map.ToDictionary()),
            IReadOnlyDictionary<string, string> map => DataJson.Serialize(map.ToDictionary()),
            List<Dictionary<string, object?>> list => DataJson.Serialize(list),
            IEnumerable<string> list => DataJson.Serialize(list.ToList()),
            _ => DataJson.Serialize(value.ToString() ?? string.Empty),
        };
    }
}
