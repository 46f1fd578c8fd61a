using System.Formats.Tar;
using Composer.Model;
using Composer.Orchestration.Watch;

namespace Composer.Engine.Tests.Unit.Watch;

public sealed class SyncArchiveTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("composer-sync-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Files_go_under_their_container_path_with_their_mode_new_folders_with_what_the_rule_accepts_and_deleted_paths_are_listed()
    {
        var filter = new WatchPathFilter(new WatchRule { Path = root, Action = WatchRule.Sync, Target = "/app", Ignore = ["**/*.tmp"] }, null);
        File.WriteAllText(Path.Combine(root, "run.sh"), "echo hi\n");
        File.SetUnixFileMode(Path.Combine(root, "run.sh"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Directory.CreateDirectory(Path.Combine(root, "pages"));
        File.WriteAllText(Path.Combine(root, "pages", "a.html"), "a");
        File.WriteAllText(Path.Combine(root, "pages", "b.tmp"), "b");
        SyncMapping Map(string relative) => new(Path.Combine(root, relative), filter.ContainerPath(Path.Combine(root, relative)), filter);

        var archive = SyncArchive.Build([Map("run.sh"), Map("pages"), Map("gone.txt")]);

        Assert.Equal(["/app/gone.txt"], archive.Deleted);
        Assert.Equal(2, archive.Files);
        Assert.Equal(9, archive.Bytes);
        using var reader = new TarReader(new MemoryStream(archive.Tar));
        var entries = new List<TarEntry>();
        while (reader.GetNextEntry() is { } entry)
        {
            entries.Add(entry);
        }

        Assert.Equal(["app/run.sh", "app/pages", "app/pages/a.html"], entries.Select(entry => entry.Name));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, entries[0].Mode);
    }

    [Fact]
    public async Task A_burst_of_changes_is_one_batch_of_distinct_paths()
    {
        var channel = System.Threading.Channels.Channel.CreateUnbounded<string>();
        foreach (var path in new[] { "/a", "/b", "/a", "/c" })
        {
            channel.Writer.TryWrite(path);
        }

        var batch = await ChangeBatcher.NextAsync(channel.Reader, CancellationToken.None);

        Assert.Equal(["/a", "/b", "/c"], batch);
        channel.Writer.Complete();
        Assert.Empty(await ChangeBatcher.NextAsync(channel.Reader, CancellationToken.None));
    }
}
