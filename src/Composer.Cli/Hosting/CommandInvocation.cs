using System.CommandLine;
using Composer.Cli.Output;
using Composer.Loader;

namespace Composer.Cli.Hosting;

/// <summary>What a command's action gets: its parse result, the process context and the chosen output.</summary>
internal sealed record CommandInvocation(ParseResult ParseResult, CliContext Context, IConsoleOutput Output)
{
    public LoadOptions LoadOptions(IReadOnlyList<string>? requestedServices = null) =>
        GlobalOptions.ToLoadOptions(ParseResult, Context, requestedServices ?? []);

    /// <summary>Loads the project and prints the loader's warnings; load errors propagate as LoadException.</summary>
    public async Task<Composer.Model.Project> LoadProjectAsync(IReadOnlyList<string>? requestedServices, CancellationToken cancellationToken)
    {
        var result = await ProjectLoader.LoadAsync(LoadOptions(requestedServices), cancellationToken);
        foreach (var warning in result.Warnings)
        {
            Output.Warn(warning.ToString());
        }

        return result.Project with { Compatibility = Compatibility(result.Project.Environment) };
    }

    /// <summary>
    /// The project from its files or, when there are none and -p names it, an empty project of that name: enough for
    /// verbs that act on what the engine holds (down, ps, stop...).
    /// </summary>
    public async Task<Composer.Model.Project> LoadProjectOrNameAsync(IReadOnlyList<string>? requestedServices, CancellationToken cancellationToken)
    {
        var options = LoadOptions(requestedServices);
        if (options.ProjectName is { Length: > 0 } name && !ComposeFilePresence.Any(options))
        {
            return new Composer.Model.Project { Name = name, WorkingDirectory = Context.WorkingDirectory, Compatibility = Compatibility(Context.Environment) };
        }

        return await LoadProjectAsync(requestedServices, cancellationToken);
    }

    /// <summary>--compatibility, or COMPOSE_COMPATIBILITY in the project's environment (the process's over .env), as docker compose reads it.</summary>
    public bool Compatibility(IReadOnlyDictionary<string, string> environment) =>
        ParseResult.GetValue(GlobalOptions.Compatibility)
        || (environment.TryGetValue("COMPOSE_COMPATIBILITY", out var value) && GlobalOptions.IsTrue(value))
        || GlobalOptions.Switch(Context, "COMPOSE_COMPATIBILITY");
}
