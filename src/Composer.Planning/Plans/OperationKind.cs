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

    /// <summary>Run a provider service's tool: <c>&lt;tool&gt; compose --project-name=P up [--option=value...] SERVICE</c>.</summary>
    ProviderUp,

    /// <summary>Run a provider service's tool with <c>down</c>: it releases what its up set up.</summary>
    ProviderDown,
}
