using Composer.Model;

namespace Composer.Cli.Commands;

/// <summary>
/// run's <c>-v [SOURCE:]TARGET[:ro|rw]</c>: a source that looks like a path is a bind mount (relative to the
/// project folder), any other source names a volume, and no source is an anonymous volume.
/// </summary>
internal static class VolumeArgument
{
    public static ServiceVolume Parse(string text, string projectDirectory)
    {
        var parts = text.Split(':');
        if (parts.Length is 0 or > 3 || parts.Any(part => part.Length == 0) || (parts.Length == 3 && parts[2] is not ("ro" or "rw")))
        {
            throw new UsageException($"-v {text}: expected [SOURCE:]TARGET[:ro|rw]");
        }

        if (parts.Length == 1)
        {
            return new ServiceVolume { Type = "volume", Target = parts[0] };
        }

        var source = parts[0];
        var isPath = source[0] is '/' or '.' or '~';
        if (source[0] == '~')
        {
            source = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + source[1..];
        }

        return new ServiceVolume
        {
            Type = isPath ? "bind" : "volume",
            Source = isPath ? Path.GetFullPath(source, projectDirectory) : source,
            Target = parts[1],
            ReadOnly = parts.Length == 3 && parts[2] == "ro",
        };
    }
}
