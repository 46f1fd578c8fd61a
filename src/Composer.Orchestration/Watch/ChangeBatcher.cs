using System.Threading.Channels;

namespace Composer.Orchestration.Watch;

/// <summary>
/// Turns a stream of changed paths into batches: a batch ends when no change came for <see cref="QuietPeriod"/> (an
/// editor's save, a `git checkout`, a formatter touching many files are one batch), or after <see cref="LongestWait"/>
/// so that a steady stream of changes still gets synced.
/// </summary>
internal static class ChangeBatcher
{
    /// <summary>
    /// An editor's save (write, rename, chmod) reaches inotify within a few milliseconds; a longer wait is latency on
    /// every sync, while a burst cut in two is only two uploads.
    /// </summary>
    public static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(1);

    /// <summary>The next batch of distinct paths, in the order they first changed; empty when the stream ended.</summary>
    public static async Task<IReadOnlyList<string>> NextAsync(ChannelReader<string> changes, CancellationToken cancellationToken)
    {
        var batch = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!await changes.WaitToReadAsync(cancellationToken))
        {
            return batch;
        }

        var started = DateTime.UtcNow;
        while (true)
        {
            while (changes.TryRead(out var path))
            {
                if (seen.Add(path))
                {
                    batch.Add(path);
                }
            }

            var left = LongestWait - (DateTime.UtcNow - started);
            if (left <= TimeSpan.Zero)
            {
                return batch;
            }

            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            quiet.CancelAfter(left < QuietPeriod ? left : QuietPeriod);
            try
            {
                if (!await changes.WaitToReadAsync(quiet.Token))
                {
                    return batch;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                return batch;
            }
        }
    }
}
