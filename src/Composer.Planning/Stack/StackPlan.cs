namespace Composer.Planning.Stack;

/// <summary>A stack plan: operations in an order that respects their dependencies, and warnings for the user.</summary>
public sealed record StackPlan
{
    public IReadOnlyList<StackOperation> Operations { get; init; } = [];
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>The services (swarm names) the stack will have, for waiting and progress.</summary>
    public IReadOnlyList<string> Services { get; init; } = [];

    public bool IsEmpty => Operations.Count == 0;

    public override string ToString() =>
        string.Join('\n', Operations.Select(operation => operation.Describe()).Concat(Warnings.Select(warning => "! " + warning)));
}
