using Composer.Engine.Contracts;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Images;

/// <summary>
/// Turns the engine's messages about one image transfer into one progress line per layer, under the service. The
/// engine says a layer's size only while it downloads (or uploads) or extracts; the layer keeps it afterwards, so that
/// a complete layer still shows how big it is. Messages about the whole image are left out.
/// </summary>
internal sealed class LayerProgress(string service, IProgressSink sink) : IProgress<TransferProgress>
{
    // The statuses after which the engine sends nothing more about a layer.
    private static readonly string[] FinalStatuses = ["Pull complete", "Already exists", "Pushed", "Layer already exists", "Mounted from"];

    // Before these, the layer has been fully transferred (only extraction or nothing is left).
    private static readonly string[] TransferredStatuses = ["Verifying Checksum", "Download complete", "Extracting", "Pull complete", "Pushed"];

    private readonly Dictionary<string, long> _sizes = new(StringComparer.Ordinal);

    public void Report(TransferProgress value)
    {
        if (Translate(value) is { } layer)
        {
            sink.Report(layer);
        }
    }

    /// <summary>The layer line for the message, or null for a message about the whole image.</summary>
    public ProgressEvent? Translate(TransferProgress message)
    {
        // "Pulling from library/busybox" carries the tag as its id; it is about the image, not a layer.
        if (message.Id is not { } id || message.Status.StartsWith("Pulling from", StringComparison.Ordinal))
        {
            return null;
        }

        var final = FinalStatuses.Any(status => message.Status.StartsWith(status, StringComparison.Ordinal));
        var transferring = message.Status is "Downloading" or "Pushing";

        // A small layer may arrive in one read, with no Downloading message: its extraction still says the size.
        if ((transferring || message.Status == "Extracting") && message.Total is { } size)
        {
            _sizes[id] = size;
        }

        long? known = _sizes.TryGetValue(id, out var total) ? total : null;
        var (current, ofTotal) = transferring || message.Status == "Extracting"
            ? (message.Current, message.Total ?? known)
            : TransferredStatuses.Contains(message.Status) ? (known, known) : (null, known);
        return new ProgressEvent(ResourceKind.Layer, id, message.Status, final ? ProgressState.Done : ProgressState.Working, TimeSpan.Zero)
        {
            Parent = service,
            Current = current,
            Total = ofTotal,
        };
    }
}
