using System.Threading.Channels;

namespace Composer.Orchestration.Watch;

/// <summary>
/// Kernel file events (inotify, through the runtime's <see cref="FileSystemWatcher"/>; nothing is polled) for a set
/// of host paths: folders are watched with everything below them, files through their folder with a name filter.
/// Every changed, created, deleted or renamed path (both names of a rename) is written to <see cref="Changes"/>.
/// The set can be changed (<see cref="Watch"/>) without losing a change: the channel stays, the folders watched before
/// and after keep their watchers, and new ones start before old ones stop.
/// </summary>
internal sealed class FileChangeWatcher(Action<string> warn) : IDisposable
{
    private readonly Dictionary<string, FileSystemWatcher> watchers = new(StringComparer.Ordinal);
    private readonly Channel<string> changes = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Changes => changes.Reader;

    /// <summary>Watches exactly <paramref name="paths"/> from now on.</summary>
    public void Watch(IEnumerable<string> paths)
    {
        var wanted = Plan(paths);
        foreach (var (key, (folder, recursive, filters)) in wanted.Where(pair => !watchers.ContainsKey(pair.Key)))
        {
            var watcher = new FileSystemWatcher(folder) { IncludeSubdirectories = recursive };
            foreach (var filter in filters)
            {
                watcher.Filters.Add(filter);
            }

            watchers[key] = Start(watcher);
        }

        foreach (var key in watchers.Keys.Where(key => !wanted.ContainsKey(key)).ToList())
        {
            watchers[key].Dispose();
            watchers.Remove(key);
        }
    }

    public void Dispose()
    {
        foreach (var watcher in watchers.Values)
        {
            watcher.Dispose();
        }

        watchers.Clear();
        changes.Writer.TryComplete();
    }

    /// <summary>The watchers <paramref name="paths"/> need, by a key that says what each one watches.</summary>
    private static Dictionary<string, (string Folder, bool Recursive, IReadOnlyList<string> Filters)> Plan(IEnumerable<string> paths)
    {
        var plan = new Dictionary<string, (string, bool, IReadOnlyList<string>)>(StringComparer.Ordinal);
        var distinct = paths.Select(path => path.TrimEnd('/')).Where(path => path.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var folders = distinct.Where(Directory.Exists).ToList();

        // A folder inside another watched folder is already covered, and inotify watches are a limited resource.
        var roots = folders.Where(folder => !folders.Any(other => other != folder && folder.StartsWith(other + "/", StringComparison.Ordinal))).ToList();
        foreach (var root in roots)
        {
            plan["R\n" + root] = (root, true, []);
        }

        var files = distinct.Where(path => !Directory.Exists(path) && !roots.Any(root => path.StartsWith(root + "/", StringComparison.Ordinal)));
        foreach (var group in files.GroupBy(path => Path.GetDirectoryName(path)!, StringComparer.Ordinal).Where(group => Directory.Exists(group.Key)))
        {
            var names = group.Select(file => Path.GetFileName(file)).Order(StringComparer.Ordinal).ToList();
            plan["F\n" + group.Key + "\n" + string.Join("\n", names)] = (group.Key, false, names);
        }

        return plan;
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
