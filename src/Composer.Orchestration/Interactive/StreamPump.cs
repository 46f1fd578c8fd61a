using Composer.Engine.Contracts;

namespace Composer.Orchestration.Interactive;

/// <summary>
/// Joins a container stream to the local console: output until the process closes it, input alongside. Input that
/// is still open when the output ends is abandoned, since the process is done with it.
/// </summary>
internal static class StreamPump
{
    public static async Task RunAsync(
        IContainerStream stream, IInteractiveConsole console, bool forwardInput, Func<TerminalSize, Task>? resize, CancellationToken cancellationToken)
    {
        using var inputStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var input = forwardInput ? ForwardInputAsync(stream, console.Input, inputStop.Token) : Task.CompletedTask;
        using var resizing = resize is null ? null : FollowResizes(console, resize);
        using var outputDone = new CancellationTokenSource();
        var sized = resize is not null && console.Size is { } size ? SizeAsync(resize, size, outputDone.Token) : Task.CompletedTask;

        try
        {
            await stream.CopyOutputAsync(console.Output, console.Error, cancellationToken);
        }
        finally
        {
            await outputDone.CancelAsync();
            await inputStop.CancelAsync();
            await input;
            await sized;
        }
    }

    /// <summary>
    /// Sizes the terminal as docker does: one attempt, and when it fails (a process just starting, or one that has
    /// already ended) a few more, 10 to 100 ms apart, quietly and while the output is copied, until the output ends.
    /// </summary>
    private static async Task SizeAsync(Func<TerminalSize, Task> resize, TerminalSize size, CancellationToken outputDone)
    {
        for (var attempt = 0; attempt < 10 && !outputDone.IsCancellationRequested; attempt++)
        {
            if (await TryResizeAsync(resize, size))
            {
                return;
            }

            try
            {
                await Task.Delay(TimeSpan.FromMilliseconds((attempt + 1) * 10), outputDone);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task ForwardInputAsync(IContainerStream stream, Stream input, CancellationToken cancellationToken)
    {
        try
        {
            // A blocking console read does not observe the token; running it apart lets the output side finish.
            await Task.Run(() => stream.CopyInputAsync(input, cancellationToken), CancellationToken.None).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException or ObjectDisposedException)
        {
            // The process ended (or stopped reading) first; leftover input has nowhere to go.
        }
    }

    private static IDisposable FollowResizes(IInteractiveConsole console, Func<TerminalSize, Task> resize) =>
        console.WatchResize(() =>
        {
            if (console.Size is { } size)
            {
                // Fire and forget: nobody waits for it.
                _ = TryResizeAsync(resize, size);
            }
        });

    // A short command can end before its terminal is sized (the engine then answers "no such exec", "not running"
    // or "cannot resize a stopped container"): there is nothing left to resize, and its output is still to be
    // copied, so that is no error.
    private static async Task<bool> TryResizeAsync(Func<TerminalSize, Task> resize, TerminalSize size)
    {
        try
        {
            await resize(size);
            return true;
        }
        catch (EngineException)
        {
            // The process is gone or going; a real engine failure shows in the output copy or the exit code.
            return false;
        }
    }
}
