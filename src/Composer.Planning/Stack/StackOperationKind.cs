namespace Composer.Planning.Stack;

public enum StackOperationKind
{
    CreateNetwork,
    CreateSecret,
    CreateConfig,
    CreateService,
    UpdateService,
    ScaleService,
    RemoveService,
    RemoveSecret,
    RemoveConfig,
    RemoveNetwork,
}
