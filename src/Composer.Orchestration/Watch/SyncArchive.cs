using System.Formats.Tar;

namespace Composer.Orchestration.Watch;

/// <summary>
/// The tar a sync sends into a container: every changed host file under its container path (relative to '/'), with
/// its mode; a new folder with what is inside it that the rule accepts. Paths that no longer exist on the host are
/// collected for removal instead.
/// </summary>
internal sealed class SyncArchive
{
    private SyncArchive(byte[] tar, int files, long bytes, IReadOnlyList<string> deleted)
    {
        Tar = tar;
        Files = files;
        Bytes = bytes;
        Deleted = deleted;
    }

    public byte[] Tar { get; }

    /// <summary>Regular files and links written into the tar.</summary>
    public int Files { get; }

    /// <summary>Bytes of file content in the tar.</summary>
    public long Bytes { get; }

    /// <summary>Container paths whose host files were deleted.</summary>
    public IReadOnlyList<string> Deleted { get; }

    public bool IsEmpty => Files == 0 && Deleted.Count == 0 && Tar.Length == 0;

    public static SyncArchive Build(IEnumerable<SyncMapping> mappings)
    {
        var deleted = new List<string>();
        var written = new HashSet<string>(StringComparer.Ordinal);
        int files = 0;
        long bytes = 0;
        using var buffer = new MemoryStream();
        var any = false;
        using (var writer = new TarWriter(buffer, TarEntryFormat.Pax, leaveOpen: true))
        {
            void Add(string hostPath, string containerPath, WatchPathFilter filter)
            {
                var name = containerPath.TrimStart('/');
                if (name.Length == 0 || !written.Add(name))
                {
                    return;
                }

                var info = new FileInfo(hostPath);
                var isFolder = info.Attributes.HasFlag(FileAttributes.Directory) && info.LinkTarget is null;
                writer.WriteEntry(hostPath, name);
                any = true;
                if (!isFolder)
                {
                    files++;
                    bytes += info.LinkTarget is null ? info.Length : 0;
                    return;
                }

                foreach (var child in Directory.EnumerateFileSystemEntries(hostPath).Order(StringComparer.Ordinal))
                {
                    if (filter.Accepts(child))
                    {
                        Add(child, containerPath.TrimEnd('/') + "/" + Path.GetFileName(child), filter);
                    }
                }
            }

            foreach (var mapping in mappings)
            {
                if (File.Exists(mapping.HostPath) || Directory.Exists(mapping.HostPath))
                {
                    Add(mapping.HostPath, mapping.ContainerPath, mapping.Filter);
                }
                else if (new FileInfo(mapping.HostPath).LinkTarget is not null)
                {
                    // A dangling symbolic link is still a file to copy.
                    Add(mapping.HostPath, mapping.ContainerPath, mapping.Filter);
                }
                else
                {
                    deleted.Add(mapping.ContainerPath);
                }
            }
        }

        return new SyncArchive(any ? buffer.ToArray() : [], files, bytes, deleted);
    }
}
