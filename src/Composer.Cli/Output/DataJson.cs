using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Composer.Cli.Output;

/// <summary>JSON for stdout data: readable characters kept as they are (quotes, &lt;, &amp;), as the docker CLI prints them.</summary>
internal static class DataJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = CliJsonContext.Default,
    };

    private static readonly JsonSerializerOptions Escaped = new() { TypeInfoResolver = CliJsonContext.Default };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T)));

    /// <summary>For stderr lines (progress, warnings): the serializer's default escaping.</summary>
    public static string SerializeEscaped<T>(T value) => JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Escaped.GetTypeInfo(typeof(T)));
}
