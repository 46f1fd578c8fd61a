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
}
