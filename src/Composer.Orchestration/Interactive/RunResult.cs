namespace Composer.Orchestration.Interactive;

/// <summary>The one-off container run made, and its exit code (0 when it was left running in the background).</summary>
public sealed record RunResult(string ContainerName, int ExitCode)
{
    /// <summary>With --dry-run: what run would do; null when it ran.</summary>
    public Composer.Planning.Plans.Plan? Plan { get; init; }
}
