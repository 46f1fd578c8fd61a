using Composer.Engine.Build;
using Composer.Model;

namespace Composer.Orchestration.Watch;

/// <summary>
/// Which changed host paths one watch rule acts on: paths under the rule's path that its <c>include</c> lets in (all
/// when empty), that neither its <c>ignore</c> nor the service's .dockerignore (relative to the build context) leaves
/// out, and that are not <c>.git</c> or an editor's temporary file.
/// </summary>
internal sealed class WatchPathFilter
{
    private readonly WatchRule rule;
    private readonly IgnoreRules ignore;
    private readonly IgnoreRules include;
    private readonly string? buildContext;
    private readonly IgnoreRules dockerIgnore;

    public WatchPathFilter(WatchRule rule, BuildConfig? build)
    {
        this.rule = rule;
        ignore = IgnoreRules.Of(rule.Ignore);
        include = IgnoreRules.Of(rule.Include);
        if (build is not null && Path.IsPathRooted(build.Context) && Directory.Exists(build.Context))
        {
            buildContext = Path.TrimEndingDirectorySeparator(build.Context);
            dockerIgnore = IgnoreRules.ForBuild(build.Context, build.Dockerfile);
        }
        else
        {
            dockerIgnore = IgnoreRules.Empty;
        }
    }

    public WatchRule Rule => rule;

    /// <summary>True when <paramref name="hostPath"/> is the rule's path or lies under it.</summary>
    public bool Covers(string hostPath) => IsUnder(hostPath, rule.Path);

    /// <summary>Whether a change of <paramref name="hostPath"/> (absolute) triggers the rule.</summary>
    public bool Accepts(string hostPath)
    {
        if (!Covers(hostPath) || EditorTemporaryFiles.Matches(Path.GetFileName(hostPath)) || EditorTemporaryFiles.IsUnderIgnoredFolder(hostPath))
        {
            return false;
        }

        var relative = RelativeToRule(hostPath);
        if (relative.Length > 0)
        {
            if (ignore.IsIgnoredOrUnder(relative) || (rule.Include.Count > 0 && !include.IsIgnoredOrUnder(relative)))
            {
                return false;
            }
        }

        return buildContext is null || !IsUnder(hostPath, buildContext) || hostPath.Length == buildContext.Length
            || !dockerIgnore.IsIgnoredOrUnder(hostPath[(buildContext.Length + 1)..]);
    }

    /// <summary>Where a synced host path goes in the container: the target plus the path below the rule's path.</summary>
    public string ContainerPath(string hostPath)
    {
        var target = rule.Target ?? "/";
        var relative = RelativeToRule(hostPath);
        return relative.Length == 0 ? target : target.TrimEnd('/') + "/" + relative;
    }

    private string RelativeToRule(string hostPath) =>
        hostPath.Length <= rule.Path.Length ? "" : hostPath[(rule.Path.TrimEnd('/').Length + 1)..];

    private static bool IsUnder(string path, string root)
    {
        var trimmed = root.TrimEnd('/');
        return path == trimmed || trimmed.Length == 0 || (path.StartsWith(trimmed, StringComparison.Ordinal) && path.Length > trimmed.Length && path[trimmed.Length] == '/');
    }
}
