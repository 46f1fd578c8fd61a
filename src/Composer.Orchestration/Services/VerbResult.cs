using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Services;

/// <summary>The plan a verb made, and whether it was carried out (false for --dry-run).</summary>
public sealed record VerbResult(Plan Plan, bool Executed)
{
    /// <summary>The plan as text, one operation per line: what --dry-run prints.</summary>
    public string PlanText => Plan.ToString();

    /// <summary>up: what each provider service's tool said its dependents should see (run gives it to its container).</summary>
    public IReadOnlyDictionary<string, ProviderVariables> ProviderVariables { get; init; } = new Dictionary<string, ProviderVariables>(StringComparer.Ordinal);
}
