namespace Composer.Orchestration.Stack;

/// <summary>Where one service of a stack stands: its running (or completed) and desired task counts, and a verdict.</summary>
internal sealed record ServiceConvergence(string Service, ulong Done, ulong Desired, bool IsJob, bool Converged, string? Failure)
{
    /// <summary>"2/3 running" or "1/1 completed".</summary>
    public string Status => $"{Done}/{Desired} {(IsJob ? "completed" : "running")}";
}
