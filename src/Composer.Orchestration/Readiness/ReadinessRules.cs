using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Orchestration.Readiness;

/// <summary>The depends_on conditions, judged on one inspected container. Pure, so it is tested without an engine.</summary>
internal static class ReadinessRules
{
    /// <summary>
    /// Not a depends_on condition: what `up --wait` asks of a service without a healthcheck. Unlike
    /// service_started, a container that already exited has failed the wait.
    /// </summary>
    public const string Running = "running";

    public static ReadinessVerdict Judge(string service, string condition, ContainerInspection container) => condition switch
    {
        ServiceDependency.Healthy => Healthy(service, container),
        ServiceDependency.CompletedSuccessfully => Completed(service, container),
        Running => container.State switch
        {
            "created" => ReadinessVerdict.Pending,
            "exited" or "dead" => ReadinessVerdict.Failed($"{service} exited with code {container.ExitCode}"),
            _ => ReadinessVerdict.Ready,
        },
        _ => container.State is "created" ? ReadinessVerdict.Pending : ReadinessVerdict.Ready,
    };

    private static ReadinessVerdict Healthy(string service, ContainerInspection container)
    {
        if (container.Health is null)
        {
            return container.State is "created"
                ? ReadinessVerdict.Pending
                : ReadinessVerdict.Failed($"{service} has no healthcheck, so it can never be healthy");
        }

        return container.Health switch
        {
            "healthy" => ReadinessVerdict.Ready,
            "unhealthy" => ReadinessVerdict.Failed(container.LastHealthOutput is { } output && output.Trim().Length > 0
                ? $"{service} is unhealthy: {output.Trim()}"
                : $"{service} is unhealthy (its healthcheck printed nothing)"),
            _ when container.State is "exited" or "dead" => ReadinessVerdict.Failed($"{service} exited with code {container.ExitCode} before it was healthy"),
            _ => ReadinessVerdict.Pending,
        };
    }

    private static ReadinessVerdict Completed(string service, ContainerInspection container) => container.State switch
    {
        "exited" or "dead" when container.ExitCode == 0 => ReadinessVerdict.Ready,
        "exited" or "dead" => ReadinessVerdict.Failed($"{service} did not complete successfully: exit code {container.ExitCode}"),
        _ => ReadinessVerdict.Pending,
    };
}
