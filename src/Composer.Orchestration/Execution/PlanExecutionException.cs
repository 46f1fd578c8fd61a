namespace Composer.Orchestration.Execution;

/// <summary>One or more operations failed; the message lists each failure on its own line.</summary>
public sealed class PlanExecutionException(IReadOnlyList<string> failures)
    : Exception(string.Join('\n', failures))
{
    public IReadOnlyList<string> Failures { get; } = failures;
}
