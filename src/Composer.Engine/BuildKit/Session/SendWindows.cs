namespace Composer.Engine.BuildKit.Session;

/// <summary>
/// HTTP/2 flow-control credit for what we send (RFC 9113 section 6.9): one window for the connection and one per
/// open stream, both opened by the peer's WINDOW_UPDATE frames, the streams' starting size set by its
/// SETTINGS_INITIAL_WINDOW_SIZE (a change moves every open stream's window by the difference). A sender takes
/// credit before each DATA frame and waits while either window is empty.
/// </summary>
internal sealed class SendWindows
{
    /// <summary>The largest window HTTP/2 allows; more is a FLOW_CONTROL_ERROR.</summary>
    public const long MaxWindow = int.MaxValue;

    private const int DefaultWindow = 65535;

    private readonly Lock gate = new();
    private readonly Dictionary<int, long> streams = [];
    private long connection = DefaultWindow;
    private long initial = DefaultWindow;
    private TaskCompletionSource changed = NewSignal();

    public void Open(int streamId)
    {
        lock (gate)
        {
            streams[streamId] = initial;
        }
    }

    public void Close(int streamId)
    {
        lock (gate)
        {
            streams.Remove(streamId);
            Signal();
        }
    }

    /// <summary>Applies SETTINGS_INITIAL_WINDOW_SIZE; false when a stream's window would pass the maximum.</summary>
    public bool SetInitial(long size)
    {
        lock (gate)
        {
            var delta = size - initial;
            initial = size;
            foreach (var streamId in streams.Keys.ToList())
            {
                streams[streamId] += delta;
                if (streams[streamId] > MaxWindow)
                {
                    return false;
                }
            }

            Signal();
            return true;
        }
    }

    /// <summary>Applies a WINDOW_UPDATE (stream 0 is the connection); false when the window would pass the maximum.</summary>
    public bool Credit(int streamId, long increment)
    {
        lock (gate)
        {
            if (streamId == 0)
            {
                connection += increment;
                Signal();
                return connection <= MaxWindow;
            }

            // An update for a stream already closed is allowed and means nothing.
            if (streams.TryGetValue(streamId, out var window))
            {
                streams[streamId] = window + increment;
                Signal();
                return window + increment <= MaxWindow;
            }

            return true;
        }
    }

    /// <summary>
    /// Takes up to <paramref name="wanted"/> bytes of credit on the stream and the connection, waiting until both
    /// have some; the stream being closed (reset by the peer) ends the wait with OperationCanceledException.
    /// </summary>
    public async Task<int> TakeAsync(int streamId, int wanted, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task waiter;
            lock (gate)
            {
                if (!streams.TryGetValue(streamId, out var window))
                {
                    throw new OperationCanceledException($"stream {streamId} is closed");
                }

                var available = Math.Min(window, connection);
                if (available > 0)
                {
                    var taken = (int)Math.Min(wanted, available);
                    streams[streamId] = window - taken;
                    connection -= taken;
                    return taken;
                }

                waiter = changed.Task;
            }

            await waiter.WaitAsync(cancellationToken);
        }
    }

    private void Signal()
    {
        var previous = changed;
        changed = NewSignal();
        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
