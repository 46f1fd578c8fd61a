using System.Text.Json;

namespace Composer.Orchestration.Providers;

/// <summary>Reads the provider protocol's lines. Pure: the tests give it lines, the runner gives it the tool's output.</summary>
public static class ProviderMessages
{
    /// <summary>
    /// The message on one line, or null with <paramref name="problem"/> saying why the line is not one (not JSON,
    /// not an object, no string <c>type</c> or <c>message</c>, or a type docker compose does not know). Fields
    /// beyond the two are ignored, as docker compose's decoder ignores them.
    /// </summary>
    public static ProviderMessage? Parse(string line, out string? problem)
    {
        problem = null;
        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "printed a line that is not a JSON object: " + Excerpt(line);
                return null;
            }

            var type = root.TryGetProperty("type", out var typeValue) && typeValue.ValueKind == JsonValueKind.String ? typeValue.GetString()! : null;
            var message = root.TryGetProperty("message", out var messageValue) && messageValue.ValueKind == JsonValueKind.String ? messageValue.GetString()! : "";
            if (type is not (ProviderMessage.Info or ProviderMessage.Error or ProviderMessage.SetEnv or ProviderMessage.RawSetEnv or ProviderMessage.Debug))
            {
                problem = type is null
                    ? "printed a message without a type: " + Excerpt(line)
                    : $"printed a message of unknown type \"{type}\" (info, error, setenv, rawsetenv and debug are known)";
                return null;
            }

            if (type is ProviderMessage.SetEnv or ProviderMessage.RawSetEnv && !message.Contains('=', StringComparison.Ordinal))
            {
                problem = $"printed {type} \"{Excerpt(message)}\", which is not KEY=value";
                return null;
            }

            return new ProviderMessage(type, message);
        }
        catch (JsonException)
        {
            problem = "printed a line that is not a JSON message: " + Excerpt(line);
            return null;
        }
    }

    /// <summary>KEY and value of a setenv or rawsetenv message (split at the first <c>=</c>).</summary>
    public static KeyValuePair<string, string> Variable(ProviderMessage message)
    {
        var separator = message.Message.IndexOf('=', StringComparison.Ordinal);
        return KeyValuePair.Create(message.Message[..separator], message.Message[(separator + 1)..]);
    }

    /// <summary>The first line of a message, as the progress view shows it.</summary>
    public static string FirstLine(string message)
    {
        var trimmed = message.TrimEnd('\n', '\r');
        var end = trimmed.IndexOfAny(['\n', '\r']);
        return end < 0 ? trimmed : trimmed[..end];
    }

    private static string Excerpt(string text)
    {
        var line = FirstLine(text);
        return line.Length <= 120 ? line : line[..120] + "...";
    }
}
