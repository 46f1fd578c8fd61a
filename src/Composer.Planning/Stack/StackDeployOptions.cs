namespace Composer.Planning.Stack;

/// <summary>How a deploy plans: --prune removes the stack's services that the file no longer has.</summary>
public sealed record StackDeployOptions
{
    public bool Prune { get; init; }

    /// <summary>With --wait, services are created after their dependencies converged (the plan says so).</summary>
    public bool Wait { get; init; } = true;
}
