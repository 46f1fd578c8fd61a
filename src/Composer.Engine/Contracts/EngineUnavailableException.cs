namespace Composer.Engine.Contracts;

/// <summary>No engine answers at the endpoint.</summary>
public sealed class EngineUnavailableException(string endpoint, Exception? innerException = null)
    : EngineException(
        $"cannot reach the Docker engine at {endpoint}: is dockerd running? Start it with `sudo systemctl start docker` "
        + "(or `sudo dockerd &`), or point DOCKER_HOST at a running engine",
        innerException)
{
    public string Endpoint { get; } = endpoint;
}
