namespace Composer.Orchestration.Watch;

/// <summary>
/// What <c>initial_sync</c> sends when watching starts, as docker compose decides it: the files under the rule's path
/// that the rule accepts and that were modified since the service's image was created (older ones are in the image
/// already, or were left out of it on purpose); folders the rule ignores are not entered.
/// </summary>
internal static class InitialSyncFiles
{
    /// <param name="since">When the image was created; null (unknown) sends every accepted file.</param>
    public static IReadOnlyList<SyncMapping> Of(WatchPathFilter filter, DateTimeOffset? since)
    {
        var mappings = new List<SyncMapping>();
        var path = filter.Rule.Path;
        if (File.Exists(path))
        {
            Add(path);
        }
        else if (Directory.Exists(path))
        {
            Walk(path);
        }

        return mappings;

        void Walk(string folder)
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos().OrderBy(entry => entry.Name, StringComparer.Ordinal))
            {
                if (!filter.Accepts(entry.FullName))
                {
                    continue;
                }

                if (entry is DirectoryInfo { LinkTarget: null })
                {
                    Walk(entry.FullName);
                }
                else
                {
                    Add(entry.FullName);
                }
            }
        }

        void Add(string file)
        {
            if (filter.Accepts(file) && (since is not { } created || new FileInfo(file).LastWriteTimeUtc >= created.UtcDateTime))
            {
                mappings.Add(new SyncMapping(file, filter.ContainerPath(file), filter));
            }
        }
    }
}
