using Composer.Model;

namespace Composer.Orchestration.Providers;

/// <summary>
/// The command line docker compose gives a provider's tool: <c>compose --project-name=P up --key=value... SERVICE</c>
/// (<c>down</c> likewise), one <c>--key=value</c> per option value, in key order; and the environment: the project's
/// (the process environment over .env), without the variable that tells a docker CLI plugin it was started by docker.
/// </summary>
public static class ProviderCommandLine
{
    private const string PluginCommandVariable = "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND";

    public static IReadOnlyList<string> Arguments(Project project, Service service, ServiceProvider provider, string command) =>
    [
        "compose", $"--project-name={project.Name}", command,
        .. provider.Options.Select(option => $"--{option.Key}={option.Value}"),
        service.Name,
    ];

    public static IReadOnlyDictionary<string, string> Environment(Project project)
    {
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            environment[(string)variable.Key] = (string?)variable.Value ?? "";
        }

        foreach (var (key, value) in project.Environment)
        {
            environment[key] = value;
        }

        environment.Remove(PluginCommandVariable);
        return environment;
    }
}
