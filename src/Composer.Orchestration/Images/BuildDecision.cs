namespace Composer.Orchestration.Images;

/// <summary>Whether up (or run) must build a service that has a build section before creating containers. Pure.</summary>
public static class BuildDecision
{
    /// <summary>
    /// Builds when the image is missing, when --build asked for it, and always under pull_policy build: like docker
    /// compose, that policy means "this image comes from its build", so every up builds it again.
    /// </summary>
    public static bool MustBuild(PullPolicy policy, bool rebuildRequested, bool imageExists) =>
        rebuildRequested || policy.Kind == PullPolicyKind.Build || !imageExists;
}
