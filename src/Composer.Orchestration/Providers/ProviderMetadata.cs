using System.Text.Json;

namespace Composer.Orchestration.Providers;

/// <summary>
/// What a provider's tool says of itself through <c>&lt;tool&gt; compose metadata</c>, as docker compose reads it:
/// the parameters its up, down and (optionally) stop accept, and which are required. A tool without the subcommand
/// (or whose answer does not parse) has <see cref="Empty"/> metadata: every option is passed and stop is not called.
/// </summary>
public sealed record ProviderMetadata(string Description, ProviderParameters? Up, ProviderParameters? Down, ProviderParameters? Stop)
{
    public static ProviderMetadata Empty { get; } = new("", null, null, null);

    /// <summary>
    /// docker compose's test: no description and no parameter list for up or down means the tool said nothing, and
    /// then every option is passed and none is required.
    /// </summary>
    public bool IsEmpty => Description.Length == 0 && Up?.HasList != true && Down?.HasList != true;

    /// <summary>The parameters of a command (up, down, stop); null when the tool declares none for it.</summary>
    public ProviderParameters? For(string command) => command switch
    {
        "up" => Up,
        "down" => Down,
        "stop" => Stop,
        _ => null,
    };

    /// <summary>The metadata in the tool's answer; <see cref="Empty"/> when it is not the JSON object docker compose expects.</summary>
    public static ProviderMetadata Parse(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Empty;
            }

            var description = root.TryGetProperty("description", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString()! : "";
            return new ProviderMetadata(description, Parameters(root, "up"), Parameters(root, "down"), Parameters(root, "stop"));
        }
        catch (JsonException)
        {
            return Empty;
        }
    }

    // A command's block: {"parameters": [{"name": "size", "required": true, ...}]}; a block without a parameter
    // list declares the command with no parameters (docker compose's stop block may be empty).
    private static ProviderParameters? Parameters(JsonElement root, string command)
    {
        if (!root.TryGetProperty(command, out var block) || block.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var parameters = new List<ProviderParameter>();
        if (block.TryGetProperty("parameters", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var parameter in list.EnumerateArray().Where(parameter => parameter.ValueKind == JsonValueKind.Object))
            {
                if (parameter.TryGetProperty("name", out var name) && name.ValueKind == JsonValueKind.String)
                {
                    var required = parameter.TryGetProperty("required", out var flag) && flag.ValueKind == JsonValueKind.True;
                    parameters.Add(new ProviderParameter(name.GetString()!, required));
                }
            }
        }

        return new ProviderParameters(parameters, HasList: list.ValueKind == JsonValueKind.Array);
    }
}
