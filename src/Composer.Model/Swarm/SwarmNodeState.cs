namespace Composer.Model.Swarm;

/// <summary>A swarm node: id, host name, status (ready, down) and address.</summary>
public sealed record SwarmNodeState(string Id, string Hostname, string Status, string? Address);
