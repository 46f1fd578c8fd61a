using System.Formats.Tar;

namespace Composer.Engine.DockerApi;

/// <summary>
/// One file as a tar stream for the engine's archive upload, extracted at "/": the entry name is the absolute
/// target without its leading slash, and the engine creates missing parent folders.
/// </summary>
internal static class ContainerFileArchive
{
    public static MemoryStream Build(ContainerFile file, DateTimeOffset modified)
    {
        var archive = new MemoryStream();
        using (var writer = new TarWriter(archive, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, file.Target.TrimStart('/'))
            {
                Uid = file.Uid,
                Gid = file.Gid,
                Mode = (UnixFileMode)file.Mode,
                ModificationTime = modified,
                DataStream = new MemoryStream(file.Content, writable: false),
            };
            writer.WriteEntry(entry);
        }

        archive.Position = 0;
        return archive;
    }
}
