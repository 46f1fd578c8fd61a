using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Composer.Engine.Contracts;
using Composer.Engine.Resilience;
using Docker.DotNet;
using Polly.Timeout;

namespace Composer.Engine.Errors;

/// <summary>Turns what the engine or the transport threw into one line a user can act on.</summary>
internal static partial class EngineErrorTranslator
{
    public static EngineException Translate(Exception exception, string operation, string endpoint) => exception switch
    {
        EngineException engine => engine,
        DockerApiException api when NameInUse().Match(EngineMessage(api)) is { Success: true } conflict =>
            new ContainerNameInUseException(conflict.Groups["name"].Value, api),
        DockerApiException api when StaleTask().IsMatch(EngineMessage(api)) => new StaleTaskException(Describe(api, operation), api),
        DockerApiException api => new EngineException(Describe(api, operation), api),
        TimeoutRejectedException => new EngineException($"{operation}: the engine did not answer in time", exception),
        HttpRequestException or IOException or SocketException when EngineFailures.IsNotSent(exception) =>
            new EngineUnavailableException(endpoint, exception),
        HttpRequestException or IOException => new EngineException($"{operation}: {exception.Message}", exception),
        _ => new EngineException($"{operation}: {exception.Message}", exception),
    };

    public static string Describe(DockerApiException exception, string operation)
    {
        var message = EngineMessage(exception);
        var bind = BindFailed().Match(message);
        if (bind.Success)
        {
            return $"port {bind.Groups["address"].Value} is already in use";
        }

        var listen = ListenFailed().Match(message);
        if (listen.Success)
        {
            return $"port {listen.Groups["address"].Value} is already in use";
        }

        var image = NoSuchImage().Match(message);
        if (image.Success)
        {
            return $"image {image.Groups["image"].Value} not found locally";
        }

        var nameConflict = NameInUse().Match(message);
        if (nameConflict.Success)
        {
            return $"container name \"{nameConflict.Groups["name"].Value}\" is already in use by another container";
        }

        return exception.StatusCode == HttpStatusCode.NotFound
            ? $"{operation}: not found ({message})"
            : $"{operation}: {message}";
    }

    /// <summary>The engine puts its text in a JSON body {"message": "..."}; fall back to the raw body.</summary>
    public static string EngineMessage(DockerApiException exception)
    {
        var body = exception.ResponseBody?.Trim() ?? "";
        if (body.StartsWith('{'))
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.TryGetProperty("message", out var text) && text.ValueKind == JsonValueKind.String)
                {
                    return text.GetString()!.Trim();
                }
            }
            catch (JsonException)
            {
                // Not the engine's JSON after all: show the body as it is.
            }
        }

        return body.Length > 0 ? body : exception.StatusCode.ToString();
    }

    [GeneratedRegex(@"Bind for (?<address>\S+?:\d+) failed: port is already allocated")]
    private static partial Regex BindFailed();

    [GeneratedRegex(@"listen \w+ (?<address>\S+?:\d+): bind: address already in use")]
    private static partial Regex ListenFailed();

    [GeneratedRegex(@"No such image: (?<image>\S+)")]
    private static partial Regex NoSuchImage();

    [GeneratedRegex(@"container name ""/?(?<name>[^""]+)"" is already in use")]
    private static partial Regex NameInUse();

    // After the engine was killed, its runtime may keep the task of a container: starting it then fails. containerd
    // words it "task <id> already exists" or, wrapped, "task <id>: already exists" (the second, 1 of 10 engine SIGKILL
    // trials, was not recognized).
    [GeneratedRegex(@"task [0-9a-f]+:? already exists|container with id exists")]
    private static partial Regex StaleTask();
}
