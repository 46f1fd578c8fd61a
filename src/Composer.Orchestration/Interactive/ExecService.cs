using Composer.Engine.Contracts;

namespace Composer.Orchestration.Interactive;

/// <summary><c>exec</c>: runs a command in a service's running container and returns its exit code.</summary>
public sealed class ExecService(IEngine engine)
{
    public async Task<int> ExecAsync(string projectName, ExecOptions options, IInteractiveConsole console, CancellationToken cancellationToken)
    {
        var container = await ServiceContainerLocator.RunningAsync(engine, projectName, options.Service, options.Index, cancellationToken);
        var streams = engine.Streams;
        var execId = await streams.CreateExecAsync(container.Id, new ExecRequest
        {
            Command = options.Command,
            Tty = options.Tty,
            Stdin = !options.Detach,
            Environment = options.Environment,
            User = options.User,
            WorkingDir = options.WorkingDir,
            Privileged = options.Privileged,
        }, cancellationToken);
        if (options.Detach)
        {
            await streams.StartExecDetachedAsync(execId, cancellationToken);
            return 0;
        }

        using (var stream = await streams.StartExecAsync(execId, options.Tty, cancellationToken))
        using (options.Tty ? console.EnterRawMode() : null)
        {
            await StreamPump.RunAsync(stream, console, forwardInput: true,
                options.Tty ? size => streams.ResizeExecAsync(execId, size, CancellationToken.None) : null, cancellationToken);
        }

        return await ExitCodeAsync(streams, execId, cancellationToken);
    }

    // The output can close a moment before the engine records the exit code.
    internal static async Task<int> ExitCodeAsync(IContainerStreams streams, string execId, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            if (await streams.ExecExitCodeAsync(execId, cancellationToken) is { } code)
            {
                return (int)code;
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
