namespace Composer.Model.Swarm;

/// <summary>A published port: <c>ingress</c> goes through the routing mesh, <c>host</c> binds on the task's node.</summary>
public sealed record SwarmPort
{
    public required uint Target { get; init; }
    public uint? Published { get; init; }
    public string Protocol { get; init; } = "tcp";
    public string Mode { get; init; } = "ingress";
}
