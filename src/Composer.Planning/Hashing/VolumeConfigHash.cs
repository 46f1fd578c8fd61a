using System.Globalization;
using System.Text;
using Composer.Model;

namespace Composer.Planning.Hashing;

/// <summary>
/// The <c>com.docker.compose.config-hash</c> label of a volume, computed exactly as docker compose computes it
/// (pkg/compose/hash.go VolumeHash): the SHA-256 of Go's <c>json.Marshal</c> of compose-go's VolumeConfig, i.e.
/// <c>{"name":..,"driver":..,"driver_opts":{..},"labels":{..}}</c> in that field order, empty fields left out, map keys
/// sorted, the driver defaulting to <c>local</c>. Unlike containers and networks, a volume must hash the same in both
/// tools: a differing hash means "recreate, and lose the data", so a volume docker compose made is never mistaken for
/// a changed one. <c>x-*</c> keys are not part of it (compose-go does not marshal them).
/// </summary>
public static class VolumeConfigHash
{
    public static string Compute(Volume volume) => Fingerprint.Of(GoJson(volume));

    /// <summary>The JSON text that is hashed (kept visible for the golden tests).</summary>
    public static string GoJson(Volume volume)
    {
        var json = new StringBuilder("{");
        var first = true;
        void Field(string name, Action<StringBuilder> value)
        {
            json.Append(first ? "" : ",");
            first = false;
            AppendString(json, name);
            json.Append(':');
            value(json);
        }

        if (volume.Name.Length > 0)
        {
            Field("name", text => AppendString(text, volume.Name));
        }

        Field("driver", text => AppendString(text, string.IsNullOrEmpty(volume.Driver) ? "local" : volume.Driver));
        if (volume.DriverOpts.Count > 0)
        {
            Field("driver_opts", text => AppendMap(text, volume.DriverOpts));
        }

        if (volume.External)
        {
            Field("external", text => text.Append("true"));
        }

        if (volume.Labels.Count > 0)
        {
            Field("labels", text => AppendMap(text, volume.Labels));
        }

        return json.Append('}').ToString();
    }

    // Go sorts map keys byte-wise on their UTF-8 form.
    private static void AppendMap(StringBuilder json, IReadOnlyDictionary<string, string> map)
    {
        json.Append('{');
        var first = true;
        foreach (var (key, value) in map.OrderBy(pair => Encoding.UTF8.GetBytes(pair.Key), Utf8Order.Instance))
        {
            json.Append(first ? "" : ",");
            first = false;
            AppendString(json, key);
            json.Append(':');
            AppendString(json, value);
        }

        json.Append('}');
    }

    // encoding/json's string form: HTML-safe (<, >, & escaped), U+2028/U+2029 escaped, short escapes for \b \f \n \r \t.
    private static void AppendString(StringBuilder json, string value)
    {
        json.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': json.Append("\\\""); break;
                case '\\': json.Append("\\\\"); break;
                case '\b': json.Append("\\b"); break;
                case '\f': json.Append("\\f"); break;
                case '\n': json.Append("\\n"); break;
                case '\r': json.Append("\\r"); break;
                case '\t': json.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029' or < ' ':
                    json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default: json.Append(c); break;
            }
        }

        json.Append('"');
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
