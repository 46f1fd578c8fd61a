using Composer.Planning.Plans;

namespace Composer.Orchestration.Services;

/// <summary>The plan a verb made, and whether it was carried out (false for --dry-run).</summary>
public sealed record VerbResult(Plan Plan, bool Executed)
{
    /// <summary>The plan as text, one operation per line: what --dry-run prints.</summary>
    public string PlanText => Plan.ToString();
}
