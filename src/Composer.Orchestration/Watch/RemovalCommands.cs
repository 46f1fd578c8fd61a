namespace Composer.Orchestration.Watch;

/// <summary>
/// The <c>rm -rf</c> command lines that remove a batch's deleted paths from a container: a path below another deleted
/// path is left out (removing the folder removes it), and the rest is split so that no command line comes near the
/// kernel's argument limit (deleting a large folder on the host reports every file in it).
/// </summary>
internal static class RemovalCommands
{
    /// <summary>Bytes of paths per command: far below the usual 2 MB ARG_MAX and the 128 KB of a single argument.</summary>
    public const int MaxPathBytes = 64 * 1024;

    public static IReadOnlyList<IReadOnlyList<string>> For(IReadOnlyList<string> deleted)
    {
        var distinct = deleted.Select(path => path.Length > 1 ? path.TrimEnd('/') : path).ToHashSet(StringComparer.Ordinal);
        var kept = distinct.Where(path => !Ancestors(path).Any(distinct.Contains)).Order(StringComparer.Ordinal).ToList();

        var commands = new List<IReadOnlyList<string>>();
        var current = new List<string>();
        var bytes = 0;
        foreach (var path in kept)
        {
            if (current.Count > 0 && bytes + path.Length + 1 > MaxPathBytes)
            {
                commands.Add(Command(current));
                current = [];
                bytes = 0;
            }

            current.Add(path);
            bytes += path.Length + 1;
        }

        if (current.Count > 0)
        {
            commands.Add(Command(current));
        }

        return commands;
    }

    private static IEnumerable<string> Ancestors(string path)
    {
        for (var slash = path.LastIndexOf('/'); slash > 0; slash = path.LastIndexOf('/', slash - 1))
        {
            yield return path[..slash];
        }
    }

    private static List<string> Command(List<string> paths) => ["rm", "-rf", "--", .. paths];
}
