namespace Composer.Engine.Contracts;

/// <summary>A tar read from a container; the caller disposes it to close the engine's response.</summary>
public sealed record ContainerArchive(ContainerPathInfo Info, Stream Tar) : IDisposable
{
    public void Dispose() => Tar.Dispose();
}
