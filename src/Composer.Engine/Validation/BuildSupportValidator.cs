using Composer.Model;

namespace Composer.Engine.Validation;

/// <summary>The build attributes the classic builder of engine API 1.41 cannot honour, refused rather than dropped.</summary>
internal static class BuildSupportValidator
{
    public static IEnumerable<string> Problems(BuildConfig build)
    {
        if (build.Context.Contains("://", StringComparison.Ordinal) || build.Context.StartsWith("git@", StringComparison.Ordinal))
        {
            yield return $"context {build.Context} is remote; only local directories are supported";
        }

        if (build.CacheFrom.Count > 0 || build.CacheTo.Count > 0)
        {
            yield return "cache_from and cache_to are not supported by the classic builder";
        }

        if (build.Platforms.Count > 0)
        {
            yield return "platforms are not supported by the classic builder";
        }

        if (build.Privileged == true)
        {
            yield return "privileged is not supported by the classic builder";
        }

        if (build.Isolation is not null)
        {
            yield return "isolation is not supported yet";
        }

        foreach (var key in build.Other.Values.Keys)
        {
            yield return $"{key} is not supported by the classic builder";
        }
    }
}
