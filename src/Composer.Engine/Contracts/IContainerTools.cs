namespace Composer.Engine.Contracts;

/// <summary>Looking into running containers: processes (top), resource use (stats), files (cp) and the engine's event stream.</summary>
public interface IContainerTools
{
    /// <summary>The container's processes as the engine's ps lists them (UID PID PPID C STIME TTY TIME CMD).</summary>
    Task<ProcessTable> TopAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>One resource sample (the engine takes two readings, so the CPU delta is filled); null when the container is gone.</summary>
    Task<StatsSample?> StatsAsync(string idOrName, CancellationToken cancellationToken);

    /// <summary>What is at <paramref name="path"/> inside the container, or null when nothing is.</summary>
    Task<ContainerPathInfo?> StatPathAsync(string idOrName, string path, CancellationToken cancellationToken);

    /// <summary>A tar of the file or folder at <paramref name="path"/>, its root entry named after the path's last part.</summary>
    Task<ContainerArchive> ReadArchiveAsync(string idOrName, string path, CancellationToken cancellationToken);

    /// <summary>Extracts a tar into the existing folder <paramref name="directory"/>; keepOwnership keeps the tar's uid/gid.</summary>
    Task WriteArchiveAsync(string idOrName, string directory, Stream archive, bool keepOwnership, CancellationToken cancellationToken);

    /// <summary>The container's whole filesystem as a tar stream (export); the caller disposes it.</summary>
    Task<Stream> ExportAsync(string idOrName, CancellationToken cancellationToken) => throw new NotSupportedException();

    /// <summary>A new image from the container's changes (commit); returns the image id.</summary>
    Task<string> CommitAsync(string idOrName, CommitRequest request, CancellationToken cancellationToken) => throw new NotSupportedException();
}
