namespace Composer.Planning.Plans;

public enum OperationKind
{
    CreateNetwork,
    CreateVolume,
    CreateContainer,
    StartContainer,
    WaitForDependency,
    StopContainer,
    RemoveContainer,
    RenameContainer,
    RemoveNetwork,
    RemoveVolume,
    KillContainer,
    PauseContainer,
    UnpauseContainer,
    RemoveImage,

    /// <summary>Pull a service's image (only in --dry-run plans: up pulls before it plans).</summary>
    PullImage,

    /// <summary>Build a service's image (only in --dry-run plans: up builds before it plans).</summary>
    BuildImage,

    /// <summary>Push a service's image (only in --dry-run plans of push).</summary>
    PushImage,
}
