namespace Composer.Orchestration.Images;

public enum PullPolicyKind
{
    /// <summary>Pull when the engine has no image by that name (the default; also if_not_present).</summary>
    Missing,
    Always,
    Never,

    /// <summary>The image comes from its build section; never pulled.</summary>
    Build,

    /// <summary>daily, weekly, every_N: pull when the local image was last named longer ago than the interval.</summary>
    Refresh,
}
