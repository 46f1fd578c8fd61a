using Composer.Engine.Contracts;

namespace Composer.Engine.DockerApi;

/// <summary>
/// The container that stands for a service another service shares namespaces or volumes with, as the orchestrator
/// found it before creating the container (<see cref="ContainerRequest.ServiceContainers"/>).
/// </summary>
internal static class SharedContainers
{
    /// <summary>Null when no service is named; an error naming the attribute when the service has no container.</summary>
    public static string? For(ContainerRequest request, string? serviceName, string attribute)
    {
        if (serviceName is null)
        {
            return null;
        }

        return request.ServiceContainers.TryGetValue(serviceName, out var container)
            ? container
            : throw new EngineException($"service \"{request.Service.Name}\": {attribute} service:{serviceName} needs a running container of \"{serviceName}\"");
    }
}
