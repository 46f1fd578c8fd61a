using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Composer.Loader.Writing;

/// <summary>Prints an <see cref="OutputMap"/> as indented JSON, for <c>config --format json</c>.</summary>
internal static class JsonOutput
{
    public static string Write(OutputMap document)
    {
        using var stream = new MemoryStream();
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, options))
        {
            WriteValue(writer, document);
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(OutputEscaping.Dollars(text));
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
                writer.WriteRawValue(OutputNumbers.Double(number));
                break;
            case double number:
                // JSON has no infinities or NaN: print the YAML spelling as a string rather than fail.
                writer.WriteStringValue(double.IsNaN(number) ? ".nan" : number > 0 ? ".inf" : "-.inf");
                break;
            case OutputMap map:
                writer.WriteStartObject();
                foreach (var (key, item) in map.Entries)
                {
                    writer.WritePropertyName(key);
                    WriteValue(writer, item);
                }

                writer.WriteEndObject();
                break;
            case System.Collections.IList items:
                writer.WriteStartArray();
                foreach (var item in items)
                {
                    WriteValue(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                writer.WriteStringValue(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture));
                break;
        }
    }
}
