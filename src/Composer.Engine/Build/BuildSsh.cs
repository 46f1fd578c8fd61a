using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Engine.Build;

/// <summary>
/// <c>build.ssh</c>: the ssh agents a build reaches through <c>RUN --mount=type=ssh</c>, by id. An entry is
/// <c>id</c> (the agent of <c>$SSH_AUTH_SOCK</c>) or <c>id=path</c>, in a list or a mapping; the path is an agent's
/// socket or a private key file (loaded into a private agent for the build), as buildx takes them.
/// </summary>
internal static partial class BuildSsh
{
    public const string DefaultId = "default";

    /// <summary>The entries as written: id and path (empty for $SSH_AUTH_SOCK).</summary>
    public static IReadOnlyList<(string Id, string Path)> Entries(BuildConfig build)
    {
        if (!build.Other.Values.TryGetValue("ssh", out var value))
        {
            return [];
        }

        return value switch
        {
            IReadOnlyDictionary<string, object?> map => [.. map.Select(pair => (pair.Key, Scalar(pair.Value)))],
            IReadOnlyList<object?> list => [.. list.Select(Scalar).Select(item => item.Split('=', 2)).Select(pair => (pair[0], pair.Length == 2 ? pair[1] : ""))],
            null => [],
            _ => [.. Scalar(value).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(item => item.Split('=', 2)).Select(pair => (pair[0], pair.Length == 2 ? pair[1] : ""))],
        };
    }

    /// <summary>Each id with its socket or key file: what the build request carries (entries that resolve to nothing are left out).</summary>
    public static IReadOnlyDictionary<string, SshSource> Resolve(BuildConfig build, string workingDirectory, Func<string, string?> environment)
    {
        var sources = new Dictionary<string, SshSource>(StringComparer.Ordinal);
        foreach (var (id, path) in Entries(build))
        {
            if (FullPath(path, workingDirectory, environment) is { } full)
            {
                sources[Id(id)] = new SshSource(full, Probe(full) == Kind.KeyFile);
            }
        }

        return sources;
    }

    /// <summary>Why the build cannot forward what it lists, or what its Dockerfile asks for; empty when it can.</summary>
    public static IEnumerable<string> Problems(BuildConfig build, string workingDirectory, Func<string, string?> environment, Func<string, bool> installed)
    {
        var entries = Entries(build);
        foreach (var id in entries.GroupBy(entry => Id(entry.Id), StringComparer.Ordinal).Where(group => group.Count() > 1).Select(group => group.Key))
        {
            yield return $"ssh lists the id \"{id}\" more than once";
        }

        foreach (var (rawId, rawPath) in entries)
        {
            var id = Id(rawId);
            if (FullPath(rawPath, workingDirectory, environment) is not { } path)
            {
                yield return $"ssh ({id}): SSH_AUTH_SOCK is not set, so there is no ssh agent to forward (start one with ssh-agent and ssh-add your key, or name a socket or key file: {id}=/path)";
                continue;
            }

            var named = rawPath.Length == 0 ? $"SSH_AUTH_SOCK names {path}" : path;
            switch (Probe(path))
            {
                case Kind.Missing:
                    yield return $"ssh ({id}): {named}, which does not exist{(rawPath.Length == 0 ? " (is the ssh agent running?)" : "")}";
                    break;
                case Kind.DeadSocket:
                    yield return $"ssh ({id}): {named}: no ssh agent answers on that socket";
                    break;
                case Kind.Other:
                    yield return $"ssh ({id}): {named}, which is neither an ssh agent's socket nor a private key file";
                    break;
                case Kind.KeyFile when !installed("ssh-agent") || !installed("ssh-add"):
                    yield return $"ssh ({id}): {path} is a key file; loading it for the build needs ssh-agent and ssh-add (OpenSSH's client tools), which are not installed";
                    break;
            }
        }

        var forwarded = entries.Select(entry => Id(entry.Id)).ToHashSet(StringComparer.Ordinal);
        foreach (var id in MountedIds(build).Where(id => !forwarded.Contains(id)).Distinct(StringComparer.Ordinal))
        {
            yield return forwarded.Count == 0
                ? $"the Dockerfile mounts the ssh agent \"{id}\" (RUN --mount=type=ssh), and ssh forwards none (add ssh: [{id}] to forward $SSH_AUTH_SOCK)"
                : $"the Dockerfile mounts the ssh agent \"{id}\" (RUN --mount=type=ssh), which ssh does not forward (it forwards {string.Join(", ", forwarded.Order(StringComparer.Ordinal))})";
        }
    }

    /// <summary>The ssh ids the Dockerfile's <c>RUN --mount=type=ssh</c> flags ask for (<c>default</c> without id).</summary>
    public static IEnumerable<string> MountedIds(string dockerfile)
    {
        // Comment lines are not instructions.
        var instructions = string.Join('\n', dockerfile.Split('\n').Where(line => !line.TrimStart().StartsWith('#')));
        foreach (Match match in MountFlag().Matches(instructions))
        {
            var options = match.Groups[1].Value.Trim('"', '\'').Split(',')
                .Select(option => option.Split('=', 2))
                .GroupBy(pair => pair[0].Trim().ToLowerInvariant(), StringComparer.Ordinal)
                .ToDictionary(group => group.Key, group => group.Last().Length == 2 ? group.Last()[1].Trim() : "", StringComparer.Ordinal);
            if (options.GetValueOrDefault("type") == "ssh")
            {
                yield return Id(options.GetValueOrDefault("id", ""));
            }
        }
    }

    /// <summary>True when a program is on PATH.</summary>
    public static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(folder => File.Exists(Path.Combine(folder, program)));

    // What a path is: an agent's socket that accepts a connection, a private key file (PEM or OpenSSH format, read
    // as buildx reads it: at most 100 KiB), or neither.
    private static Kind Probe(string path)
    {
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return Kind.Missing;
        }

        using (var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified))
        {
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
                return Kind.Socket;
            }
            catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionRefused && !Directory.Exists(path))
            {
                // A regular file refuses too; a socket nobody listens on is told apart below by failing to read.
            }
            catch (SocketException)
            {
                return Kind.Other;
            }
        }

        try
        {
            using var file = File.OpenRead(path);
            var head = new byte[100 * 1024];
            var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return System.Text.Encoding.ASCII.GetString(head, 0, read).Contains("PRIVATE KEY-----", StringComparison.Ordinal) ? Kind.KeyFile : Kind.Other;
        }
        catch (IOException)
        {
            // open(2) of a socket fails (ENXIO): it is one, and its agent is gone.
            return Kind.DeadSocket;
        }
        catch (UnauthorizedAccessException)
        {
            return Kind.Other;
        }
    }

    // The Dockerfile's text when it can be read here; a Dockerfile that cannot is reported by the build itself.
    private static IEnumerable<string> MountedIds(BuildConfig build)
    {
        if (build.DockerfileInline is { } inline)
        {
            return MountedIds(inline);
        }

        if (build.Context.Contains("://", StringComparison.Ordinal))
        {
            return [];
        }

        try
        {
            return MountedIds(File.ReadAllText(Path.GetFullPath(build.Dockerfile ?? "Dockerfile", build.Context)));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string Id(string id) => id.Trim() is { Length: > 0 } trimmed ? trimmed : DefaultId;

    // An empty path is the agent of $SSH_AUTH_SOCK (null when unset); ~ is the home folder; relative paths are the
    // project directory's.
    private static string? FullPath(string path, string workingDirectory, Func<string, string?> environment)
    {
        path = path.Trim();
        if (path.Length == 0)
        {
            return environment("SSH_AUTH_SOCK") is { Length: > 0 } socket ? Path.GetFullPath(socket) : null;
        }

        if (path == "~" || path.StartsWith("~/", StringComparison.Ordinal))
        {
            path = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.TrimStart('~').TrimStart('/'));
        }

        return Path.GetFullPath(path, workingDirectory);
    }

    private static string Scalar(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private enum Kind
    {
        Missing,
        Socket,
        DeadSocket,
        KeyFile,
        Other,
    }

    [GeneratedRegex(@"--mount=(""[^""]*""|'[^']*'|\S+)")]
    private static partial Regex MountFlag();
}
