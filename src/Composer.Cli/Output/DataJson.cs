using System.Text.Encodings.Web;
using System.Text.Json;

namespace Composer.Cli.Output;

/// <summary>JSON for stdout data: readable characters kept as they are (quotes, &lt;, &amp;), as the docker CLI prints them.</summary>
internal static class DataJson
{
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
