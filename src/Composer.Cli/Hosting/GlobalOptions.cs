using System.CommandLine;
using Composer.Loader;

namespace Composer.Cli.Hosting;

/// <summary>The options every command accepts, before or after the command name.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string[]> Files = new("--file", "-f")
    {
        Description = "Compose configuration files (repeatable; - reads standard input)",
        Recursive = true,
        AllowMultipleArgumentsPerToken = false,
    };

    public static readonly Option<string?> ProjectName = new("--project-name", "-p")
    {
        Description = "Project name",
        Recursive = true,
    };

    public static readonly Option<string?> ProjectDirectory = new("--project-directory")
    {
        Description = "Alternate working directory (default: the folder of the first compose file)",
        Recursive = true,
    };

    public static readonly Option<string[]> EnvFiles = new("--env-file")
    {
        Description = "Alternate environment files (repeatable)",
        Recursive = true,
    };

    public static readonly Option<string[]> Profiles = new("--profile")
    {
        Description = "Profiles to enable (repeatable)",
        Recursive = true,
    };

    public static readonly Option<string> Progress = new("--progress")
    {
        Description = "Progress output: auto, tty, plain, json, quiet",
        Recursive = true,
        DefaultValueFactory = _ => "auto",
    };

    public static readonly Option<string> Ansi = new("--ansi")
    {
        Description = "Control characters: never, always, auto",
        Recursive = true,
        DefaultValueFactory = _ => "auto",
    };

    public static readonly Option<int?> Parallel = new("--parallel")
    {
        Description = "Maximum parallel engine operations (default: COMPOSE_PARALLEL_LIMIT, else 8)",
        Recursive = true,
    };

    public static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Print the plan and change nothing",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Files, ProjectName, ProjectDirectory, EnvFiles, Profiles, Progress, Ansi, Parallel, DryRun];

    public static LoadOptions ToLoadOptions(ParseResult parseResult, CliContext context, IReadOnlyList<string> requestedServices)
    {
        return new LoadOptions
        {
            ConfigFiles = parseResult.GetValue(Files) ?? [],
            ProjectName = parseResult.GetValue(ProjectName),
            ProjectDirectory = parseResult.GetValue(ProjectDirectory),
            EnvFiles = parseResult.GetValue(EnvFiles) ?? [],
            Profiles = parseResult.GetValue(Profiles) ?? [],
            RequestedServices = requestedServices,
            WorkingDirectory = context.WorkingDirectory,
            Environment = context.Environment,
            StandardInput = context.In,
        };
    }
}
