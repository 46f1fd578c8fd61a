using Composer.Model;

namespace Composer.Engine.Validation;

/// <summary>The build attributes no builder here can honour, refused rather than dropped, before the engine is asked.</summary>
internal static class BuildSupportValidator
{
    private static readonly HashSet<string> BuildKitKeys = new(StringComparer.Ordinal)
    {
        "additional_contexts", "no_cache_filter", "ulimits", "entitlements", "provenance", "sbom", "secrets", "ssh",
    };

    public static IEnumerable<string> Problems(BuildConfig build)
    {
        if (build.Context.Contains("://", StringComparison.Ordinal) || build.Context.StartsWith("git@", StringComparison.Ordinal))
        {
            yield return $"context {build.Context} is remote; only local directories are supported";
        }

        foreach (var problem in Build.BuildFeatures.StaticProblems(build))
        {
            yield return problem;
        }

        if (build.Isolation is not null)
        {
            yield return "isolation is not supported yet";
        }

        // The keys BuildKit takes are checked against the engine's builder when the build starts (BuildFeatures).
        foreach (var key in build.Other.Values.Keys.Where(key => !BuildKitKeys.Contains(key)))
        {
            yield return $"{key} is not supported";
        }
    }
}
