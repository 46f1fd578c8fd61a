using System.Formats.Tar;

namespace Composer.Orchestration.Inspection;

/// <summary>
/// Tar on the host side of <c>cp</c>: packs a host file or folder under a chosen root name, and unpacks a container's
/// tar into a host folder with its root renamed, refusing entries that would land outside that folder.
/// </summary>
public static class HostArchive
{
    /// <summary>
    /// Packs <paramref name="path"/> with its root entry named <paramref name="rootName"/>; symbolic links inside a
    /// folder are kept as links, and the root itself is followed when <paramref name="followLink"/>.
    /// </summary>
    public static MemoryStream Pack(string path, string rootName, bool followLink)
    {
        var root = path.TrimEnd('/') is { Length: > 0 } trimmed ? (trimmed.EndsWith("/.", StringComparison.Ordinal) ? trimmed[..^2] : trimmed) : "/";
        var info = new FileInfo(root);
        if (followLink && info.LinkTarget is not null && info.ResolveLinkTarget(returnFinalTarget: true) is { } target)
        {
            root = target.FullName;
        }

        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            AddTree(writer, root, rootName);
        }

        archive.Position = 0;
        return archive;
    }

    private static void AddTree(TarWriter writer, string path, string entryName)
    {
        writer.WriteEntry(path, entryName);
        var info = new FileInfo(path);
        if (info.LinkTarget is null && Directory.Exists(path))
        {
            foreach (var child in Directory.EnumerateFileSystemEntries(path).Order(StringComparer.Ordinal))
            {
                AddTree(writer, child, entryName + "/" + Path.GetFileName(child));
            }
        }
    }

    /// <summary>Unpacks into the existing folder <paramref name="directory"/>, renaming the tar's root as the target says.</summary>
    public static async Task ExtractAsync(Stream tar, string directory, CopyTarget target, CancellationToken cancellationToken)
    {
        var baseDirectory = Path.GetFullPath(directory);
        if (!Directory.Exists(baseDirectory))
        {
            throw new InspectionException($"no such directory: {directory}");
        }

        // Read the whole response first: TarReader on the engine's chunked stream fails at its end.
        var buffered = new MemoryStream();
        await tar.CopyToAsync(buffered, cancellationToken);
        buffered.Position = 0;
        await using var reader = new TarReader(buffered);
        while (await reader.GetNextEntryAsync(copyData: false, cancellationToken) is { } entry)
        {
            var name = CopyPaths.Rebase(entry.Name, target.SourceRoot, target.TargetRoot);
            var destination = Path.GetFullPath(Path.Combine(baseDirectory, name));
            if (destination != baseDirectory && !destination.StartsWith(baseDirectory.TrimEnd('/') + "/", StringComparison.Ordinal))
            {
                throw new InspectionException($"refusing to write {entry.Name} outside {directory}");
            }

            await WriteAsync(entry, destination, cancellationToken);
        }
    }

    private static async Task WriteAsync(TarEntry entry, string destination, CancellationToken cancellationToken)
    {
        switch (entry.EntryType)
        {
            case TarEntryType.Directory:
                Directory.CreateDirectory(destination);
                break;
            case TarEntryType.SymbolicLink:
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                File.Delete(destination);
                File.CreateSymbolicLink(destination, entry.LinkName);
                break;
            case TarEntryType.RegularFile or TarEntryType.V7RegularFile or TarEntryType.ContiguousFile:
                Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
                if (Directory.Exists(destination))
                {
                    throw new InspectionException($"cannot overwrite directory {destination} with a file");
                }

                await entry.ExtractToFileAsync(destination, overwrite: true, cancellationToken);
                break;
            default:
                // Devices, fifos and hard links are not something a host copy should recreate.
                break;
        }
    }
}
