using System.Net;
using System.Net.Sockets;
using Docker.DotNet;
using Polly.Timeout;

namespace Composer.Engine.Resilience;

/// <summary>Which failures are worth another attempt. A 4xx is the caller's mistake and never is.</summary>
internal static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        DockerApiException api when (int)api.StatusCode >= 500 => true,
        DockerApiException api when api.StatusCode == HttpStatusCode.Conflict => IsRemovalInProgress(api),
        DockerApiException => false,
        // Nothing listening will not change within a retry budget: say so at once instead of after the backoff.
        HttpRequestException or IOException when IsUnreachable(exception) => false,
        HttpRequestException => true,
        IOException => true,
        TimeoutRejectedException => true,
        _ => false,
    };

    public static bool IsUnreachable(Exception exception)
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

    public static bool IsRemovalInProgress(DockerApiException exception) =>
        exception.StatusCode == HttpStatusCode.Conflict
        && (exception.ResponseBody ?? "").Contains("in progress", StringComparison.OrdinalIgnoreCase);

    public static string Describe(Exception exception) => exception switch
    {
        DockerApiException api => $"engine answered {(int)api.StatusCode}",
        TimeoutRejectedException => "attempt timed out",
        _ => exception.GetType().Name + ": " + exception.Message,
    };
}
