namespace Composer.Orchestration.Inspection;

/// <summary>The path rules of <c>docker cp</c>, without touching any file system.</summary>
public static class CopyPaths
{
    /// <summary>
    /// SERVICE:PATH names a container path; an absolute path, a path starting with "." or one without a colon is on
    /// the host (so "./a:b" is a local file). Container paths are relative to the container's root.
    /// </summary>
    public static CopyLocation Parse(string argument)
    {
        if (argument.StartsWith('/') || argument.StartsWith('.'))
        {
            return new CopyLocation(null, argument);
        }

        var colon = argument.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return new CopyLocation(null, argument);
        }

        var path = argument[(colon + 1)..];
        return new CopyLocation(argument[..colon], path.StartsWith('/') ? path : "/" + path);
    }

    /// <summary>Exactly one side must be in a container.</summary>
    public static (CopyLocation Source, CopyLocation Destination) ParsePair(string source, string destination)
    {
        var from = Parse(source);
        var to = Parse(destination);
        if (from.InContainer == to.InContainer)
        {
            throw new InspectionException(from.InContainer
                ? "copying between containers is not supported: copy to the host first"
                : "one of the paths must name a service's container, as SERVICE:PATH");
        }

        return (from, to);
    }

    public static bool EndsWithSeparator(string path) => path.EndsWith('/');

    /// <summary>The name the path's last part gets in a tar: "a/b/" is "b", "a/b/." is "." (the folder's contents).</summary>
    public static string LastPart(string path)
    {
        if (path.EndsWith("/.", StringComparison.Ordinal) || path == ".")
        {
            return ".";
        }

        var trimmed = path.TrimEnd('/');
        if (trimmed.Length == 0)
        {
            return "/";
        }

        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? trimmed : trimmed[(slash + 1)..];
    }

    /// <summary>The folder holding the path's last part ("/" for "/a", "." for "a").</summary>
    public static string Parent(string path)
    {
        var trimmed = path.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash < 0 ? "." : slash == 0 ? "/" : trimmed[..slash];
    }

    /// <summary>
    /// Where a source (a file or folder named <paramref name="sourceRoot"/> in the tar) lands, given what is at the
    /// destination: into an existing folder under its own name; otherwise renamed to the destination's last part in
    /// the destination's parent. A folder never replaces a file, and "dir/" must exist to receive a file.
    /// </summary>
    public static CopyTarget Target(string sourceRoot, bool sourceIsDirectory, string destination, bool destinationExists, bool destinationIsDirectory)
    {
        if (destinationExists && destinationIsDirectory)
        {
            return new CopyTarget(destination, sourceRoot, sourceRoot);
        }

        if (sourceIsDirectory && destinationExists)
        {
            throw new InspectionException($"cannot copy a directory to a file: {destination}");
        }

        if (!destinationExists && !sourceIsDirectory && EndsWithSeparator(destination))
        {
            throw new InspectionException($"no such directory: {destination}");
        }

        return new CopyTarget(Parent(destination), sourceRoot, LastPart(destination));
    }

    /// <summary>
    /// A tar entry name with its root part <paramref name="from"/> replaced by <paramref name="to"/>
    /// ("dir/a" with dir -> new is "new/a"); names outside the root are kept.
    /// </summary>
    public static string Rebase(string entryName, string from, string to)
    {
        if (from == to)
        {
            return entryName;
        }

        if (entryName == from || entryName == from + "/")
        {
            return to + entryName[from.Length..];
        }

        return entryName.StartsWith(from + "/", StringComparison.Ordinal) ? to + entryName[from.Length..] : entryName;
    }
}
