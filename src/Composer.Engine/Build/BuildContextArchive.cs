using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using Composer.Engine.Contracts;

namespace Composer.Engine.Build;

/// <summary>
/// Writes a build context as the tar stream the engine's build endpoint takes: the context directory minus what
/// .dockerignore leaves out, plus the Dockerfile wherever it lives (or the inline one, written as a file).
/// </summary>
internal static class BuildContextArchive
{
    /// <summary>The name an inline Dockerfile gets inside the archive.</summary>
    public const string InlineDockerfileName = ".dockerfile.inline";

    /// <summary>The name a rewritten Dockerfile gets inside the archive.</summary>
    public const string RewrittenDockerfileName = ".dockerfile.composer";

    /// <summary>Writes the archive and returns the Dockerfile's path inside it, for the build's dockerfile parameter.</summary>
    public static string Write(Stream destination, string contextDirectory, string? dockerfile, string? dockerfileInline) =>
        Write(destination, contextDirectory, dockerfile, dockerfileInline, null, new Dictionary<string, string>());

    /// <summary>
    /// Writes the archive for BuildKit: <paramref name="rewrite"/> may change the Dockerfile (it is then shipped as
    /// <see cref="RewrittenDockerfileName"/>) and each extra folder goes under its name in the archive. BuildKit
    /// applies the context's .dockerignore again on the engine's side, so the archive carries the rules that were
    /// applied here (the Dockerfile's own ignore file wins) with the extra folders let through.
    /// </summary>
    public static string Write(Stream destination, string contextDirectory, string? dockerfile, string? dockerfileInline,
        Func<string, string>? rewrite, IReadOnlyDictionary<string, string> extraFolders)
    {
        var context = Path.GetFullPath(contextDirectory);
        if (!Directory.Exists(context))
        {
            throw new EngineException($"the build context {context} is not a directory");
        }

        var (dockerfilePath, dockerfileBytes, rules) = ResolveDockerfile(context, dockerfile, dockerfileInline);
        using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var forBuildKit = rewrite is not null;
        if (forBuildKit)
        {
            // BuildKit's frontend tells a tar from a lone Dockerfile by parsing the first header from the first 1 KiB:
            // a PAX extended header does not fit there, so the first entry is plain ustar.
            written.Add(".dockerignore");
            var ignoreText = rules.Text + string.Concat(extraFolders.Keys.Select(folder => $"\n!{folder}\n!{folder}/**"));
            writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, ".dockerignore")
            {
                Mode = FileMode,
                ModificationTime = DateTimeOffset.UnixEpoch,
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(ignoreText)),
            });
            var rewritten = Encoding.UTF8.GetBytes(rewrite!(Encoding.UTF8.GetString(dockerfileBytes)));
            if (!rewritten.AsSpan().SequenceEqual(dockerfileBytes))
            {
                dockerfilePath = RewrittenDockerfileName;
                dockerfileBytes = rewritten;
            }
        }

        WriteDirectory(writer, context, "", rules, written);
        foreach (var (folder, source) in extraFolders)
        {
            var folderRules = ReadRules(Path.Combine(source, ".dockerignore")) ?? IgnoreRules.Empty;
            writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, folder + "/") { ModificationTime = DateTimeOffset.UnixEpoch, Mode = DirectoryMode });
            WriteDirectory(writer, source, folder, folderRules, written, relativeToFolder: folder.Length + 1);
        }

        if (!written.Contains(dockerfilePath))
        {
            // The Dockerfile is needed even when it lives outside the context or .dockerignore leaves it out.
            WriteFile(writer, dockerfilePath, dockerfileBytes);
        }

        return dockerfilePath;
    }

    // ENXIO: what open(2) of a unix socket fails with (the IOException carries the errno as its HResult).
    private const int NoSuchDeviceOrAddress = 6;

    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode DirectoryMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private static void WriteFile(TarWriter writer, string path, byte[] content) =>
        writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, path)
        {
            Mode = FileMode,
            ModificationTime = DateTimeOffset.UnixEpoch,
            DataStream = new MemoryStream(content),
        });

    private static (string PathInArchive, byte[] Content, IgnoreRules Rules) ResolveDockerfile(string context, string? dockerfile, string? dockerfileInline)
    {
        var contextRules = ReadRules(Path.Combine(context, ".dockerignore")) ?? IgnoreRules.Empty;
        if (dockerfileInline is not null)
        {
            return (InlineDockerfileName, Encoding.UTF8.GetBytes(dockerfileInline), contextRules);
        }

        var fullPath = Path.GetFullPath(dockerfile ?? "Dockerfile", context);
        if (!File.Exists(fullPath))
        {
            throw new EngineException($"cannot find the Dockerfile {fullPath}");
        }

        var content = File.ReadAllBytes(fullPath);

        // An ignore file named after the Dockerfile applies to that Dockerfile's builds only and wins over the context's.
        var rules = ReadRules(fullPath + ".dockerignore") ?? contextRules;
        var relative = Path.GetRelativePath(context, fullPath);
        var inside = !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        if (inside)
        {
            return (relative.Replace(Path.DirectorySeparatorChar, '/'), content, rules);
        }

        var digest = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
        return ($".dockerfile.{digest}", content, rules);
    }

    private static IgnoreRules? ReadRules(string path) =>
        File.Exists(path) ? IgnoreRules.Parse(File.ReadAllText(path)) : null;

    private static void WriteDirectory(TarWriter writer, string directory, string relativeDirectory, IgnoreRules rules, HashSet<string> written, int relativeToFolder = 0)
    {
        var children = new DirectoryInfo(directory).EnumerateFileSystemInfos()
            .OrderBy(child => child.Name, StringComparer.Ordinal);
        foreach (var child in children)
        {
            var relative = relativeDirectory.Length == 0 ? child.Name : $"{relativeDirectory}/{child.Name}";
            // An extra folder's own ignore rules see paths relative to that folder.
            var ignored = rules.IsIgnored(relative[relativeToFolder..]);
            var isDirectory = child is DirectoryInfo && child.LinkTarget is null;
            if (isDirectory)
            {
                if (!ignored)
                {
                    writer.WriteEntry(new PaxTarEntry(TarEntryType.Directory, relative + "/") { Mode = ModeOf(child), ModificationTime = child.LastWriteTimeUtc });
                    written.Add(relative);
                }

                // An exception line may bring back a file inside a directory that is left out.
                if (!ignored || rules.HasExceptions)
                {
                    WriteDirectory(writer, child.FullName, relative, rules, written, relativeToFolder);
                }

                continue;
            }

            if (ignored || written.Contains(relative))
            {
                continue;
            }

            if (child.LinkTarget is { } target)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, relative) { LinkName = target, Mode = ModeOf(child), ModificationTime = child.LastWriteTimeUtc });
            }
            else
            {
                FileStream content;
                try
                {
                    content = File.OpenRead(child.FullName);
                }
                catch (IOException exception) when (exception.HResult == NoSuchDeviceOrAddress)
                {
                    // A unix socket (an ssh agent's, say) cannot be read: docker leaves sockets out of the context too.
                    continue;
                }

                using var opened = content;
                writer.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, relative)
                {
                    Mode = ModeOf(child),
                    ModificationTime = child.LastWriteTimeUtc,
                    DataStream = content,
                });
            }

            written.Add(relative);
        }
    }

    private static UnixFileMode ModeOf(FileSystemInfo info) =>
        OperatingSystem.IsWindows()
            ? UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead
            : info.UnixFileMode;
}
