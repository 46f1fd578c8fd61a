using System.Text.Json.Serialization;

namespace Composer.Loader.Tests.Conformance;

/// <summary>
/// What the upstream tests say about one file of the conformance corpus, as recorded in expectations.json.
/// </summary>
public sealed record ConformanceExpectation
{
    [JsonPropertyName("valid")]
    public bool Valid { get; init; }

    [JsonPropertyName("skip")]
    public bool Skip { get; init; }

    [JsonPropertyName("why")]
    public string Why { get; init; } = string.Empty;

    /// <summary>The loader stage that must reject an invalid file: reader, include, extends, interpolation, schema, env_file, consistency.</summary>
    [JsonPropertyName("stage")]
    public string? Stage { get; init; }

    [JsonPropertyName("errorContains")]
    public string? ErrorContains { get; init; }

    /// <summary>Variables the upstream test sets before loading, with stand-in values.</summary>
    [JsonPropertyName("env")]
    public IReadOnlyDictionary<string, string>? Environment { get; init; }

    /// <summary>Profiles the upstream test enables ("*" for all of them); none when absent.</summary>
    [JsonPropertyName("profiles")]
    public IReadOnlyList<string>? Profiles { get; init; }

    public bool IsSchemaFailure => !Skip && !Valid && Stage == "schema";
}
