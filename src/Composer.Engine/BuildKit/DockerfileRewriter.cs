using System.Text;
using System.Text.RegularExpressions;

namespace Composer.Engine.BuildKit;

/// <summary>
/// What this engine's built-in Dockerfile frontend cannot be told through the build endpoint, said in the Dockerfile
/// itself: an additional context becomes a stage of that name placed before the first FROM (an image:
/// <c>FROM ref AS name</c>; a folder shipped inside the context: <c>FROM scratch AS name</c> plus a COPY), so
/// <c>COPY --from=name</c>, <c>RUN --mount=from=name</c> and <c>FROM name</c> find it; a stage in no_cache_filter
/// gets an ARG with a fresh value, which BuildKit adds to every RUN of the stage, so those steps miss the cache.
/// </summary>
internal static partial class DockerfileRewriter
{
    /// <summary>Where a local additional context is placed inside the context archive.</summary>
    public const string ContextsFolder = ".composer-contexts";

    public static string Rewrite(string dockerfile, IReadOnlyDictionary<string, string> contexts, IReadOnlyList<string> noCacheStages, string nonce)
    {
        var lines = dockerfile.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var escape = EscapeCharacter(lines);
        var output = new StringBuilder();
        var insertedContexts = contexts.Count == 0;
        var filter = noCacheStages.ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var index = 0; index < lines.Count; index++)
        {
            // An instruction may go on over several lines, each ending with the escape character.
            var start = index;
            while (index < lines.Count - 1 && lines[index].TrimEnd().EndsWith(escape) && !IsComment(lines[index]))
            {
                index++;
            }

            var instruction = string.Join("\n", lines.Skip(start).Take(index - start + 1));
            var from = FromLine().Match(instruction);
            if (from.Success && !insertedContexts)
            {
                foreach (var (name, source) in contexts)
                {
                    output.Append(source.StartsWith("docker-image://", StringComparison.Ordinal)
                        ? $"FROM {source["docker-image://".Length..]} AS {name}\n"
                        : $"FROM scratch AS {name}\nCOPY {ContextsFolder}/{name}/ /\n");
                }

                insertedContexts = true;
            }

            output.Append(instruction).Append('\n');
            if (from.Success && from.Groups["stage"].Success && filter.Contains(from.Groups["stage"].Value))
            {
                output.Append($"ARG COMPOSER_NO_CACHE_{nonce}={nonce}\n");
            }
        }

        return output.ToString().TrimEnd('\n') + "\n";
    }

    private static char EscapeCharacter(IEnumerable<string> lines)
    {
        // Parser directives come first, before any other line, comment or blank.
        foreach (var line in lines)
        {
            var directive = Directive().Match(line);
            if (!directive.Success)
            {
                break;
            }

            if (directive.Groups["name"].Value.Equals("escape", StringComparison.OrdinalIgnoreCase) && directive.Groups["value"].Value == "`")
            {
                return '`';
            }
        }

        return '\\';
    }

    private static bool IsComment(string line) => line.TrimStart().StartsWith('#');

    [GeneratedRegex(@"^\s*#\s*(?<name>[a-zA-Z]+)\s*=\s*(?<value>\S+)\s*$")]
    private static partial Regex Directive();

    [GeneratedRegex(@"^\s*FROM\s[^\n]*?(\s+AS\s+(?<stage>[^\s]+))?\s*$", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex FromLine();
}
