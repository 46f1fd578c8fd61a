namespace Composer.Engine.Contracts;

/// <summary>A container port and where it is published on the host (null host port: not published).</summary>
public sealed record PublishedPort(string? HostIp, int? HostPort, int ContainerPort, string Protocol);
