using System.Threading.Channels;

namespace Composer.Orchestration.Watch;

/// <summary>
/// Kernel file events (inotify, through the runtime's <see cref="FileSystemWatcher"/>; nothing is polled) for a set
/// of host paths: folders are watched with everything below them, files through their folder with a name filter.
/// Every changed, created, deleted or renamed path (both names of a rename) is written to <see cref="Changes"/>.
/// </summary>
internal sealed class FileChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> watchers = [];
    private readonly Channel<string> changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Action<string> warn;

    public FileChangeWatcher(IEnumerable<string> paths, Action<string> warn)
    {
        this.warn = warn;
        var distinct = paths.Select(path => path.TrimEnd('/')).Where(path => path.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var folders = distinct.Where(Directory.Exists).ToList();

        // A folder inside another watched folder is already covered, and inotify watches are a limited resource.
        var roots = folders.Where(folder => !folders.Any(other => other != folder && folder.StartsWith(other + "/", StringComparison.Ordinal))).ToList();
        foreach (var root in roots)
        {
            watchers.Add(Start(new FileSystemWatcher(root) { IncludeSubdirectories = true }));
        }

        var files = distinct.Where(path => !Directory.Exists(path) && !roots.Any(root => path.StartsWith(root + "/", StringComparison.Ordinal)));
        foreach (var group in files.GroupBy(path => Path.GetDirectoryName(path)!, StringComparer.Ordinal).Where(group => Directory.Exists(group.Key)))
        {
            var watcher = new FileSystemWatcher(group.Key);
            foreach (var file in group)
            {
                watcher.Filters.Add(Path.GetFileName(file));
            }

            watchers.Add(Start(watcher));
        }
    }

    public ChannelReader<string> Changes => changes.Reader;

    public void Dispose()
    {
        foreach (var watcher in watchers)
        {
            watcher.Dispose();
        }

        changes.Writer.TryComplete();
    }

    private FileSystemWatcher Start(FileSystemWatcher watcher)
    {
        watcher.NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.Attributes;
        watcher.InternalBufferSize = 64 * 1024;
        watcher.Changed += (_, change) => changes.Writer.TryWrite(change.FullPath);
        watcher.Created += (_, change) => changes.Writer.TryWrite(change.FullPath);
        watcher.Deleted += (_, change) => changes.Writer.TryWrite(change.FullPath);
        watcher.Renamed += (_, change) =>
        {
            changes.Writer.TryWrite(change.OldFullPath);
            changes.Writer.TryWrite(change.FullPath);
        };
        watcher.Error += (_, error) => warn($"file events were lost ({error.GetException().Message}); save the files again to sync them");
        watcher.EnableRaisingEvents = true;
        return watcher;
    }
}
