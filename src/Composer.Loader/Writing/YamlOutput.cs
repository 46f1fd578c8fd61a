using Composer.Loader.Binding;
using Composer.Model;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Composer.Loader.Writing;

/// <summary>
/// Prints an <see cref="CanonicalMap"/> as block YAML through YamlDotNet's emitter. Strings that a reader would take for
/// another type ("true", "8080", "22:22", "") are double quoted; other strings are left to the emitter to quote.
/// </summary>
internal static partial class YamlOutput
{
    public static string Write(CanonicalMap document)
    {
        using var writer = new StringWriter { NewLine = "\n" };
        var emitter = new Emitter(writer, new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n"));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        WriteValue(emitter, document);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        return writer.ToString();
    }

    private static void WriteValue(IEmitter emitter, object? value)
    {
        switch (value)
        {
            case null:
                emitter.Emit(new Scalar(null, null, "null", ScalarStyle.Plain, true, false));
                break;
            case string text:
                WriteString(emitter, OutputEscaping.Dollars(text));
                break;
            case bool flag:
                Plain(emitter, flag ? "true" : "false");
                break;
            case int number:
                Plain(emitter, CanonicalNumbers.Integer(number));
                break;
            case long number:
                Plain(emitter, CanonicalNumbers.Integer(number));
                break;
            case double number:
                Plain(emitter, double.IsNaN(number) ? ".nan"
                    : double.IsPositiveInfinity(number) ? ".inf"
                    : double.IsNegativeInfinity(number) ? "-.inf"
                    : CanonicalNumbers.Double(number));
                break;
            case CanonicalMap map:
                var entries = map.Entries;
                emitter.Emit(new MappingStart(null, null, true, entries.Count == 0 ? MappingStyle.Flow : MappingStyle.Block));
                foreach (var (key, item) in entries)
                {
                    WriteString(emitter, key, isKey: true);
                    WriteValue(emitter, item);
                }

                emitter.Emit(new MappingEnd());
                break;
            case System.Collections.IList items:
                emitter.Emit(new SequenceStart(null, null, true, items.Count == 0 ? SequenceStyle.Flow : SequenceStyle.Block));
                foreach (var item in items)
                {
                    WriteValue(emitter, item);
                }

                emitter.Emit(new SequenceEnd());
                break;
            default:
                WriteString(emitter, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
                break;
        }
    }

    private static void Plain(IEmitter emitter, string text) =>
        emitter.Emit(new Scalar(null, null, text, ScalarStyle.Plain, true, false));

    private static void WriteString(IEmitter emitter, string text, bool isKey = false)
    {
        // Multi-line text (inline Dockerfiles, config content) reads best as a literal block; the emitter falls back
        // to double quotes when a block cannot hold the text exactly.
        var style = ScalarText.LooksTyped(text) || NeedsQuotes(text) ? ScalarStyle.DoubleQuoted
            : isKey ? (SafePlainKey().IsMatch(text) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted)
            : text.Contains('\n', StringComparison.Ordinal) ? (char.IsWhiteSpace(text[0]) ? ScalarStyle.DoubleQuoted : ScalarStyle.Literal)
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(null, null, text, style, true, true));
    }

    /// <summary>
    /// Tabs, control characters, edge whitespace and a leading indicator character (<c>?#</c> as a key) are where
    /// YamlDotNet's emitter and parser disagree about plain style: quote them always. A leading dash stays plain
    /// ("- -c" reads fine) because commands are full of them.
    /// </summary>
    private static bool NeedsQuotes(string text) =>
        text.Length > 0 && (char.IsWhiteSpace(text[0]) || (char.IsWhiteSpace(text[^1]) && text[^1] != '\n')
            || LeadingIndicators.Contains(text[0])
            || text.Any(character => char.IsControl(character) && character != '\n'));

    // YamlDotNet's parser rejects some plain keys its emitter accepts (" *" inside a key): keys outside this
    // everyday shape (names, label keys, sysctls, x-*) are quoted.
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-/+=@]*$")]
    private static partial System.Text.RegularExpressions.Regex SafePlainKey();

    private const string LeadingIndicators = "?:,[]{}#&*!|>'\"%@`";
}
