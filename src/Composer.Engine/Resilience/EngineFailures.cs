using System.Net;
using System.Net.Sockets;
using Composer.Engine.Errors;
using Docker.DotNet;
using Polly.Timeout;

namespace Composer.Engine.Resilience;

/// <summary>
/// Sorts a failed engine call: did the request reach the engine at all, did the engine answer, and could another
/// attempt succeed. Each policy of <see cref="EnginePolicies"/> retries a different subset.
/// </summary>
internal static class EngineFailures
{
    // Engine answers (5xx included) that no retry can change: the caller must act (free the port, recreate, ...).
    private static readonly string[] PermanentMessages =
    [
        "port is already allocated",
        "address already in use",
        "No such image",
        "No such container",
        "No such network",
        "already exists",
        "is already in use",
        "OCI runtime",
        "executable file not found",
        "starting container process caused",
        "invalid reference format",
    ];

    /// <summary>A query may be asked again after any failure that is not the caller's mistake or a permanent answer.</summary>
    public static bool IsRetryableQuery(Exception exception, bool engineAnswered) => exception switch
    {
        DockerApiException api => IsRetryableAnswer(api),
        _ when IsNotSent(exception) => engineAnswered,
        HttpRequestException or IOException or TimeoutRejectedException or OperationCanceledException => true,
        _ => false,
    };

    /// <summary>
    /// A change is asked again only when the engine certainly did not act on it: the request never got through, or
    /// the engine answered with a failure that another attempt may not meet. A lost answer is never retried.
    /// </summary>
    public static bool IsRetryableChange(Exception exception, bool engineAnswered) => exception switch
    {
        DockerApiException api => IsRetryableAnswer(api),
        _ => IsNotSent(exception) && engineAnswered,
    };

    /// <summary>A blocking call is asked again only when the engine never saw it or said it is not ready (503).</summary>
    public static bool IsRetryableBlocking(Exception exception, bool engineAnswered) => exception switch
    {
        DockerApiException api => api.StatusCode == HttpStatusCode.ServiceUnavailable,
        _ => IsNotSent(exception) && engineAnswered,
    };

    /// <summary>
    /// The change was sent and no answer came back (reset, timeout): the engine may have done it. Null when the
    /// failure says nothing of the kind (an answer, an unreachable engine, the caller's own cancellation).
    /// </summary>
    public static string? LostAnswer(Exception exception) => exception switch
    {
        DockerApiException => null,
        _ when IsNotSent(exception) => null,
        TimeoutRejectedException => "no answer in time",
        OperationCanceledException => "the connection timed out",
        HttpRequestException or IOException => exception.Message,
        _ => null,
    };

    /// <summary>The engine was not there: nothing listening, no socket file, no route. The request was never sent.</summary>
    public static bool IsNotSent(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket && socket.SocketErrorCode is SocketError.ConnectionRefused
                or SocketError.AddressNotAvailable or SocketError.HostNotFound or SocketError.HostUnreachable
                or SocketError.NetworkUnreachable or SocketError.AccessDenied)
            {
                return true;
            }

            if (current is FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>An error answer worth asking again: 5xx (unless it names a permanent cause) and "removal in progress".</summary>
    public static bool IsRetryableAnswer(DockerApiException exception) => (int)exception.StatusCode switch
    {
        409 => IsRemovalInProgress(exception),
        >= 500 => !IsPermanent(exception),
        _ => false,
    };

    public static bool IsPermanent(DockerApiException exception)
    {
        var message = EngineErrorTranslator.EngineMessage(exception);
        return PermanentMessages.Any(permanent => message.Contains(permanent, StringComparison.OrdinalIgnoreCase));
    }

    public static bool IsRemovalInProgress(DockerApiException exception) =>
        exception.StatusCode == HttpStatusCode.Conflict
        && (exception.ResponseBody ?? "").Contains("in progress", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why a call failed, for the retry line: <c>engine answered 500: driver failed</c>.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        DockerApiException api => $"engine answered {(int)api.StatusCode}: {OneLine(EngineErrorTranslator.EngineMessage(api))}",
        TimeoutRejectedException => "no answer in time",
        _ when IsNotSent(exception) => "engine not answering",
        OperationCanceledException => "the connection timed out",
        _ => OneLine(exception.Message),
    };

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "..." : line;
    }
}
