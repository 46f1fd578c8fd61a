namespace Composer.Engine.Contracts;

/// <summary>Interactive streams into containers: exec, attach, and the one-off containers of run (stdin, tty, resize).</summary>
public interface IContainerStreams
{
    /// <summary>Creates an exec instance in a running container; returns its id.</summary>
    Task<string> CreateExecAsync(string containerIdOrName, ExecRequest request, CancellationToken cancellationToken);

    /// <summary>Starts the exec and hands back its hijacked connection (raw with a tty, multiplexed without).</summary>
    Task<IContainerStream> StartExecAsync(string execId, bool tty, CancellationToken cancellationToken);

    /// <summary>Starts the exec without attaching to it (exec -d).</summary>
    Task StartExecDetachedAsync(string execId, CancellationToken cancellationToken);

    /// <summary>The exit code of a finished exec; null while it still runs.</summary>
    Task<long?> ExecExitCodeAsync(string execId, CancellationToken cancellationToken);

    Task ResizeExecAsync(string execId, TerminalSize size, CancellationToken cancellationToken);

    /// <summary>Attaches to a running container's output (and its stdin when <paramref name="stdin"/>), from now on.</summary>
    Task<IContainerStream> AttachAsync(string containerIdOrName, bool stdin, CancellationToken cancellationToken);

    Task ResizeContainerAsync(string containerIdOrName, TerminalSize size, CancellationToken cancellationToken);
}
