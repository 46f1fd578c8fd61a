namespace Composer.Engine.Contracts;

/// <summary>
/// One hijacked connection to a container process (exec or attach): its output, demultiplexed when it has no tty,
/// and its stdin.
/// </summary>
public interface IContainerStream : IDisposable
{
    /// <summary>Copies the process output until it ends; without a tty stderr goes to <paramref name="stderr"/>.</summary>
    Task CopyOutputAsync(Stream stdout, Stream stderr, CancellationToken cancellationToken);

    /// <summary>Copies <paramref name="input"/> to the process stdin until it ends, then closes the stdin side.</summary>
    Task CopyInputAsync(Stream input, CancellationToken cancellationToken);
}
