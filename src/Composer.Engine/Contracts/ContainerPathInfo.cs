namespace Composer.Engine.Contracts;

/// <summary>A path inside a container as the engine's archive stat reports it; LinkTarget is set for symbolic links.</summary>
public sealed record ContainerPathInfo(string Name, long Size, bool IsDirectory, string? LinkTarget);
