using Composer.Engine.Contracts;

namespace Composer.Orchestration.Interactive;

/// <summary>The exit code of an exec whose output has ended (exec, hooks).</summary>
internal static class ExecExitCode
{
    // The output can close a moment before the engine records the exit code.
    public static async Task<long> WaitAsync(IContainerStreams streams, string execId, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.FromMilliseconds(10);
        while (true)
        {
            if (await streams.ExecExitCodeAsync(execId, cancellationToken) is { } code)
            {
                return code;
            }

            await Task.Delay(delay, cancellationToken);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 200));
        }
    }
}
