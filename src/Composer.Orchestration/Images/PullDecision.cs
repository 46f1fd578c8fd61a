using Composer.Engine.Contracts;

namespace Composer.Orchestration.Images;

/// <summary>Whether up (or create, run) must pull a service's image before creating containers. Pure.</summary>
public static class PullDecision
{
    public static bool MustPull(PullPolicy policy, ImageDetails? local, DateTimeOffset now) => policy.Kind switch
    {
        PullPolicyKind.Always => true,
        PullPolicyKind.Never or PullPolicyKind.Build => false,
        // Like docker compose: the age counts from when the engine last named the image (pull or tag), not from
        // when it was built; an image with no such record falls back to its creation time.
        PullPolicyKind.Refresh => local is null
            || (local.LastTagged ?? local.Created) is not { } since
            || now - since >= policy.Interval,
        _ => local is null,
    };
}
