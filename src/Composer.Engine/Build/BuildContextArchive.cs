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

    /// <summary>Writes the archive and returns the Dockerfile's path inside it, for the build's dockerfile parameter.</summary>
    public static string Write(Stream destination, string contextDirectory, string? dockerfile, string? dockerfileInline)
    {
        var context = Path.GetFullPath(contextDirectory);
        if (!Directory.Exists(context))
        {
            throw new EngineException($"the build context {context} is not a directory");
        }

        var (dockerfilePath, dockerfileBytes, rules) = ResolveDockerfile(context, dockerfile, dockerfileInline);
        using var writer = new TarWriter(destination, TarEntryFormat.Pax, leaveOpen: true);
        var written = new HashSet<string>(StringComparer.Ordinal);
        WriteDirectory(writer, context, "", rules, written);

        if (!written.Contains(dockerfilePath))
        {
            // The Dockerfile is needed even when it lives outside the context or .dockerignore leaves it out.
            var entry = new PaxTarEntry(TarEntryType.RegularFile, dockerfilePath)
            {
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
                ModificationTime = DateTimeOffset.UnixEpoch,
                DataStream = new MemoryStream(dockerfileBytes),
            };
            writer.WriteEntry(entry);
        }

        return dockerfilePath;
    }

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

    private static void WriteDirectory(TarWriter writer, string directory, string relativeDirectory, IgnoreRules rules, HashSet<string> written)
    {
        var children = new DirectoryInfo(directory).EnumerateFileSystemInfos()
            .OrderBy(child => child.Name, StringComparer.Ordinal);
        foreach (var child in children)
        {
            var relative = relativeDirectory.Length == 0 ? child.Name : $"{relativeDirectory}/{child.Name}";
            var ignored = rules.IsIgnored(relative);
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
                    WriteDirectory(writer, child.FullName, relative, rules, written);
                }

                continue;
            }

            if (ignored)
            {
                continue;
            }

            if (child.LinkTarget is { } target)
            {
                writer.WriteEntry(new PaxTarEntry(TarEntryType.SymbolicLink, relative) { LinkName = target, Mode = ModeOf(child), ModificationTime = child.LastWriteTimeUtc });
            }
            else
            {
                using var content = File.OpenRead(child.FullName);
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
