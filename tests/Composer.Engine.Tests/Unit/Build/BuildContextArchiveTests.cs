using System.Formats.Tar;
using System.Text;
using Composer.Engine.Build;
using Composer.Engine.Contracts;

namespace Composer.Engine.Tests.Unit.Build;

public sealed class BuildContextArchiveTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("composer-context-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    [Fact]
    public void The_archive_leaves_out_what_dockerignore_lists_and_keeps_exceptions()
    {
        Write("Dockerfile", "FROM busybox:latest\n");
        Write(".dockerignore", "*.log\nsecrets\n!secrets/public.pem\n");
        Write("app.txt", "app");
        Write("debug.log", "noise");
        Write("secrets/private.key", "key");
        Write("secrets/public.pem", "pem");
        Write("src/main.sh", "echo hi");

        var (entries, dockerfile) = Archive(null, null);

        Assert.Equal("Dockerfile", dockerfile);
        Assert.Contains("app.txt", entries.Keys);
        Assert.Contains("src/main.sh", entries.Keys);
        Assert.Contains("secrets/public.pem", entries.Keys);
        Assert.DoesNotContain("debug.log", entries.Keys);
        Assert.DoesNotContain("secrets/private.key", entries.Keys);
        Assert.Equal("echo hi", entries["src/main.sh"]);
    }

    [Fact]
    public void A_unix_socket_in_the_context_is_left_out_as_docker_does()
    {
        Write("Dockerfile", "FROM busybox:latest\n");
        Write("app.txt", "app");
        using var agent = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        agent.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(Path.Combine(root, "agent.sock")));

        var (entries, _) = Archive(null, null);

        Assert.Equal(["Dockerfile", "app.txt"], entries.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_dockerfile_is_sent_even_when_dockerignore_lists_it()
    {
        Write("Dockerfile", "FROM busybox:latest\n");
        Write(".dockerignore", "Dockerfile\n");

        var (entries, _) = Archive(null, null);

        Assert.Equal("FROM busybox:latest\n", entries["Dockerfile"]);
    }

    [Fact]
    public void An_ignore_file_named_after_the_dockerfile_wins_over_the_context_one()
    {
        Write("build/app.Dockerfile", "FROM busybox:latest\n");
        Write("build/app.Dockerfile.dockerignore", "a.txt\n");
        Write(".dockerignore", "b.txt\n");
        Write("a.txt", "a");
        Write("b.txt", "b");

        var (entries, dockerfile) = Archive("build/app.Dockerfile", null);

        Assert.Equal("build/app.Dockerfile", dockerfile);
        Assert.DoesNotContain("a.txt", entries.Keys);
        Assert.Contains("b.txt", entries.Keys);
    }

    [Fact]
    public void An_inline_dockerfile_is_written_into_the_archive()
    {
        Write("app.txt", "app");

        var (entries, dockerfile) = Archive(null, "FROM busybox:latest\nCOPY app.txt /\n");

        Assert.Equal(BuildContextArchive.InlineDockerfileName, dockerfile);
        Assert.Equal("FROM busybox:latest\nCOPY app.txt /\n", entries[dockerfile]);
    }

    [Fact]
    public void A_dockerfile_outside_the_context_is_carried_in_under_a_generated_name()
    {
        Write("context/app.txt", "app");
        Write("elsewhere/Dockerfile", "FROM busybox:latest\n");

        var stream = new MemoryStream();
        var dockerfile = BuildContextArchive.Write(stream, Path.Combine(root, "context"), Path.Combine(root, "elsewhere/Dockerfile"), null);
        var entries = Read(stream);

        Assert.StartsWith(".dockerfile.", dockerfile, StringComparison.Ordinal);
        Assert.Equal("FROM busybox:latest\n", entries[dockerfile]);
        Assert.Contains("app.txt", entries.Keys);
    }

    [Fact]
    public void A_missing_dockerfile_is_a_readable_error()
    {
        var error = Assert.Throws<EngineException>(() => Archive(null, null));

        Assert.Contains("cannot find the Dockerfile", error.Message, StringComparison.Ordinal);
    }

    private (Dictionary<string, string> Entries, string Dockerfile) Archive(string? dockerfile, string? inline)
    {
        var stream = new MemoryStream();
        var path = BuildContextArchive.Write(stream, root, dockerfile, inline);
        return (Read(stream), path);
    }

    private static Dictionary<string, string> Read(MemoryStream stream)
    {
        stream.Position = 0;
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType == TarEntryType.RegularFile)
            {
                using var content = new StreamReader(entry.DataStream!, Encoding.UTF8);
                entries[entry.Name] = content.ReadToEnd();
            }
        }

        return entries;
    }

    private void Write(string relativePath, string content)
    {
        var path = Path.Combine(root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}
