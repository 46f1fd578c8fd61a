using Composer.Model;
using Composer.Planning.Plans;
using Composer.Planning.Providers;

namespace Composer.Orchestration.Providers;

/// <summary>
/// What running an up's providers left: the project with their variables in the dependents' environment, what each
/// said, the steps run (provider runs, and the containers some providers waited for), and whether containers changed.
/// </summary>
internal sealed record ProviderOutcome(Project Project, IReadOnlyDictionary<string, ProviderVariables> Variables, Plan Executed, bool ContainersChanged);
