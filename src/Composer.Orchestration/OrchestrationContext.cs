using Composer.Engine.Contracts;
using Composer.Engine.Registry;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Providers;

namespace Composer.Orchestration;

/// <summary>What every verb service needs: the engine, where to report, and how many engine calls may run at once.</summary>
public sealed record OrchestrationContext(IEngine Engine, IProgressSink Progress)
{
    /// <summary>COMPOSE_PARALLEL_LIMIT; at least 1.</summary>
    public int ParallelLimit { get; init; } = 8;

    /// <summary>Where build steps and their logs are printed line by line (plain output); null prints none.</summary>
    public IBuildOutputSink? BuildOutput { get; init; }

    /// <summary>How provider services' tools are run.</summary>
    public IPluginProcessRunner Plugins { get; init; } = new PluginProcessRunner();

    /// <summary>
    /// The user's docker config (registry logins): what pulls authenticate with and use_api_socket hands to a
    /// container. The CLI gives the one its environment's DOCKER_CONFIG (or HOME) names.
    /// </summary>
    public RegistryCredentialStore Credentials { get; init; } = RegistryCredentialStore.FromProcess();

    /// <summary>Reads COMPOSE_PARALLEL_LIMIT from the given variables, falling back to 8 when unset or invalid.</summary>
    public static int ParallelLimitFrom(IReadOnlyDictionary<string, string> environment) =>
        environment.TryGetValue("COMPOSE_PARALLEL_LIMIT", out var text) && int.TryParse(text, out var limit) && limit > 0 ? limit : 8;
}
