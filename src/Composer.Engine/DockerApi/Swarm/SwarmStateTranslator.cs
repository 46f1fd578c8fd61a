using Composer.Model.Swarm;
using Docker.DotNet.Models;

namespace Composer.Engine.DockerApi.Swarm;

/// <summary>Reduces the Engine API's services and tasks to the engine-neutral states the stack verbs read.</summary>
internal static class SwarmStateTranslator
{
    public static SwarmServiceState Service(SwarmService service)
    {
        var spec = service.Spec ?? new ServiceSpec();
        var mode = spec.Mode switch
        {
            { Global: not null } => SwarmModes.Global,
            { GlobalJob: not null } => SwarmModes.GlobalJob,
            { ReplicatedJob: not null } => SwarmModes.ReplicatedJob,
            _ => SwarmModes.Replicated,
        };
        var container = spec.TaskTemplate?.ContainerSpec;
        return new SwarmServiceState
        {
            Id = service.ID,
            Name = spec.Name ?? service.ID,
            Version = service.Version?.Index ?? 0,
            Labels = SwarmMaps.Sorted(spec.Labels ?? new Dictionary<string, string>()),
            Mode = mode,
            Replicas = mode switch
            {
                SwarmModes.Replicated => spec.Mode?.Replicated?.Replicas ?? 1,
                SwarmModes.ReplicatedJob => spec.Mode?.ReplicatedJob?.TotalCompletions ?? 1,
                _ => null,
            },
            Image = container?.Image ?? "",
            Ports = [.. (spec.EndpointSpec?.Ports ?? []).Select(port => new SwarmPort
            {
                Target = port.TargetPort ?? 0,
                Published = port.PublishedPort,
                Protocol = port.Protocol ?? "tcp",
                Mode = port.PublishMode ?? "ingress",
            })],
            UpdateState = service.UpdateStatus?.State,
            UpdateMessage = service.UpdateStatus?.Message,
            SecretNames = [.. (container?.Secrets ?? []).Select(secret => secret.SecretName)],
            ConfigNames = [.. (container?.Configs ?? []).Select(config => config.ConfigName)],
            Constraints = [.. spec.TaskTemplate?.Placement?.Constraints ?? []],
            Platforms = spec.TaskTemplate?.Placement?.Platforms is { Count: > 0 } platforms
                ? [.. platforms.Select(platform => new SwarmImagePlatform(platform.OS ?? "", platform.Architecture ?? ""))]
                : null,
            HasHealthcheck = container?.Healthcheck?.Test is { Count: > 0 } test && test[0] != "NONE",
            UpdatedAt = service.UpdatedAt,
            UpdateStartedAt = service.UpdateStatus?.StartedAt,
            RunningTasks = service.ServiceStatus?.RunningTasks ?? 0,
            DesiredTasks = service.ServiceStatus?.DesiredTasks ?? 0,
        };
    }

    public static SwarmTaskState Task(TaskResponse task) => new()
    {
        Id = task.ID,
        ServiceId = task.ServiceID ?? "",
        Slot = task.Slot,
        NodeId = string.IsNullOrEmpty(task.NodeID) ? null : task.NodeID,
        DesiredState = StateName(task.DesiredState),
        State = StateName(task.Status?.State),
        Message = task.Status?.Message,
        Error = string.IsNullOrEmpty(task.Status?.Err) ? null : task.Status.Err,
        ExitCode = task.Status?.ContainerStatus?.ExitCode,
        Timestamp = task.Status?.Timestamp,
        CreatedAt = task.CreatedAt,
        Image = task.Spec?.ContainerSpec?.Image ?? "",
        ContainerId = string.IsNullOrEmpty(task.Status?.ContainerStatus?.ContainerID) ? null : task.Status.ContainerStatus.ContainerID,
    };

    private static string StateName(TaskState? state) => state?.ToString().ToLowerInvariant() ?? "unknown";
}
