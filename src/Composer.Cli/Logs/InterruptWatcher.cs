using System.Runtime.InteropServices;

namespace Composer.Cli.Logs;

/// <summary>
/// Tells a second Ctrl-C from the first while an attached command runs and shuts down. System.CommandLine turns the
/// first Ctrl-C into the action's cancellation, then blocks its signal thread until the action ends, so it never
/// sees the second one in time. .NET calls the newest registration of a signal first and stops at the first handler
/// that cancels the default: this one, registered after System.CommandLine's, lets the first Ctrl-C through to it and
/// keeps every later one for itself.
/// </summary>
internal sealed class InterruptWatcher : IDisposable
{
    private readonly CancellationTokenSource force = new();
    private readonly PosixSignalRegistration? registration;
    private int interrupts;

    /// <param name="firstInterrupt">The action's token: when it is already cancelled, the next Ctrl-C is the second.</param>
    public InterruptWatcher(CancellationToken firstInterrupt)
    {
        interrupts = firstInterrupt.IsCancellationRequested ? 1 : 0;
        try
        {
            registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
        }
        catch (PlatformNotSupportedException)
        {
            // Without signal registration a second Ctrl-C simply ends the process after the termination timeout.
        }
    }

    /// <summary>Cancelled by the second Ctrl-C: stop waiting for a graceful stop and kill.</summary>
    public CancellationToken Force => force.Token;

    public void Dispose()
    {
        registration?.Dispose();
        force.Dispose();
    }

    private void OnInterrupt(PosixSignalContext context)
    {
        if (Interlocked.Increment(ref interrupts) < 2)
        {
            // The first one is System.CommandLine's to turn into cancellation.
            return;
        }

        context.Cancel = true;
        try
        {
            force.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The command finished meanwhile.
        }
    }
}
