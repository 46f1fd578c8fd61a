using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Composer.Cli.Logs;

/// <summary>
/// Tells a second Ctrl-C from the first while an attached command shuts down. System.CommandLine turns the first
/// Ctrl-C into the action's cancellation, but its own handler then blocks its signal thread until the action ends,
/// and .NET runs a signal's handlers one after another in the order they were registered. So this handler is
/// registered when the module loads, before System.CommandLine's, and therefore always runs first.
/// </summary>
internal sealed class InterruptWatcher : IDisposable
{
    private static InterruptWatcher? current;
    private static PosixSignalRegistration? registration;

    private readonly CancellationTokenSource force = new();
    private int interrupts;

    /// <param name="firstInterrupt">The action's token: when it is already cancelled, the next Ctrl-C is the second.</param>
    public InterruptWatcher(CancellationToken firstInterrupt)
    {
        interrupts = firstInterrupt.IsCancellationRequested ? 1 : 0;
        current = this;
    }

    /// <summary>Cancelled by the second Ctrl-C: stop waiting for a graceful stop and kill.</summary>
    public CancellationToken Force => force.Token;

#pragma warning disable CA2255 // Registering at module load is the point: see the class summary.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void RegisterFirst()
    {
        try
        {
            registration = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt);
        }
        catch (PlatformNotSupportedException)
        {
            // Without signal registration a second Ctrl-C simply ends the process after the termination timeout.
        }
    }

    public void Dispose()
    {
        Interlocked.CompareExchange(ref current, null, this);
        force.Dispose();
    }

    private static void OnInterrupt(PosixSignalContext context)
    {
        if (current is not { } watcher)
        {
            // No attached command: leave Ctrl-C to System.CommandLine (or the default).
            return;
        }

        context.Cancel = true;
        if (Interlocked.Increment(ref watcher.interrupts) >= 2)
        {
            try
            {
                watcher.force.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The command finished meanwhile.
            }
        }
    }
}
