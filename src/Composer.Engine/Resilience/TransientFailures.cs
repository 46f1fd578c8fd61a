using System.Net;
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
        HttpRequestException => true,
        IOException => true,
        TimeoutRejectedException => true,
        _ => false,
    };

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
