using Composer.Model;

namespace Composer.Orchestration.Providers;

/// <summary>
/// The command line docker compose gives a provider's tool: <c>compose --project-name=P up --key=value... SERVICE</c>
/// (<c>down</c> and <c>stop</c> likewise), one <c>--key=value</c> per option value, in key order; and the environment:
/// the project's (the process environment over .env), without the variable that tells a docker CLI plugin it was
/// started by docker. When the tool declared its parameters (<see cref="ProviderMetadata"/>), only the options the
/// command declares are passed, and a required one that is missing is refused.
/// </summary>
public static class ProviderCommandLine
{
    private const string PluginCommandVariable = "DOCKER_CLI_PLUGIN_ORIGINAL_CLI_COMMAND";

    /// <summary>Asks the tool about itself: <c>compose metadata</c>.</summary>
    public static IReadOnlyList<string> MetadataArguments { get; } = ["compose", "metadata"];

    public static IReadOnlyList<string> Arguments(Project project, Service service, ServiceProvider provider, string command, ProviderMetadata? metadata = null)
    {
        var declared = metadata is { IsEmpty: false } ? metadata.For(command) ?? new ProviderParameters([], HasList: false) : null;
        return
        [
            "compose", $"--project-name={project.Name}", command,
            .. provider.Options.Where(option => declared is null || declared.Declares(option.Key)).Select(option => $"--{option.Key}={option.Value}"),
            service.Name,
        ];
    }

    /// <summary>The first parameter the command requires that the service's options lack; null when none is missing.</summary>
    public static string? MissingRequired(ServiceProvider provider, string command, ProviderMetadata metadata) =>
        metadata.IsEmpty
            ? null
            : metadata.For(command)?.Parameters
                .FirstOrDefault(parameter => parameter.Required && !provider.Options.Any(option => option.Key == parameter.Name))?.Name;

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
