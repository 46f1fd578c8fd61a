using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Composer.Model;

/// <summary>
/// Prints a <see cref="CanonicalMap"/> as JSON: indented for <c>config --format json</c>, compact (keys sorted, no
/// white space) for the config hash and the configuration label.
/// </summary>
public static class CanonicalJson
{
    /// <param name="document">The canonical document.</param>
    /// <param name="indented">Indented for people, else compact.</param>
    /// <param name="text">Applied to every string value (not keys); <c>config</c> escapes <c>$</c> here.</param>
    public static string Write(CanonicalMap document, bool indented = false, Func<string, string>? text = null)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            WriteValue(writer, document, text ?? (value => value));
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value, Func<string, string> text)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string plain:
                writer.WriteStringValue(text(plain));
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case long number:
                writer.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                writer.WriteRawValue(CanonicalNumbers.Double(number));
                break;
            case double number:
                // JSON has no infinities or NaN: print the YAML spelling as a string rather than fail.
                writer.WriteStringValue(double.IsNaN(number) ? ".nan" : number > 0 ? ".inf" : "-.inf");
                break;
            case CanonicalMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item, text);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IList items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item, text);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
