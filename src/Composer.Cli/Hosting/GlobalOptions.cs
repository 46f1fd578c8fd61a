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

    public static readonly Option<string?> Progress = new("--progress")
    {
        Description = "Progress output: auto, tty, plain, json, quiet (default: COMPOSE_PROGRESS, else auto)",
        Recursive = true,
    };

    public static readonly Option<string?> Ansi = new("--ansi")
    {
        Description = "Control characters: never, always, auto (default: COMPOSE_ANSI, else auto)",
        Recursive = true,
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

    public static readonly Option<bool> Compatibility = new("--compatibility")
    {
        Description = "Run compose in backward compatibility mode (container and image names joined by _: <project>_<service>_<n>)",
        Recursive = true,
    };

    public static readonly Option<bool> AllResources = new("--all-resources")
    {
        Description = "Include all resources, even those not used by services",
        Recursive = true,
    };

    public static IEnumerable<Option> All => [Files, ProjectName, ProjectDirectory, EnvFiles, Profiles, Progress, Ansi, Parallel, DryRun, Compatibility, AllResources];

    /// <summary>--progress, else COMPOSE_PROGRESS, else auto.</summary>
    public static string ProgressMode(ParseResult parseResult, CliContext context) =>
        parseResult.GetValue(Progress) ?? (context.Environment.GetValueOrDefault("COMPOSE_PROGRESS") is { Length: > 0 } fromEnvironment ? fromEnvironment : "auto");

    /// <summary>--ansi, else COMPOSE_ANSI, else auto.</summary>
    public static string AnsiMode(ParseResult parseResult, CliContext context) =>
        parseResult.GetValue(Ansi) ?? (context.Environment.GetValueOrDefault("COMPOSE_ANSI") is { Length: > 0 } fromEnvironment ? fromEnvironment : "auto");

    /// <summary>
    /// --parallel, else COMPOSE_PARALLEL_LIMIT, else 8. A value that is not a positive number is a usage error, from
    /// the variable as from the option, rather than silently the default.
    /// </summary>
    public static int ParallelLimit(ParseResult parseResult, CliContext context)
    {
        if (parseResult.GetValue(Parallel) is { } parallel)
        {
            return parallel > 0 ? parallel : throw new UsageException("--parallel must be a positive number");
        }

        if (context.Environment.TryGetValue("COMPOSE_PARALLEL_LIMIT", out var text) && text.Length > 0)
        {
            return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var limit) && limit > 0
                ? limit
                : throw new UsageException($"COMPOSE_PARALLEL_LIMIT must be a positive number (got '{text}')");
        }

        return 8;
    }

    /// <summary>A COMPOSE_* switch such as COMPOSE_REMOVE_ORPHANS: 1, true, yes or on.</summary>
    public static bool Switch(CliContext context, string variable) =>
        context.Environment.TryGetValue(variable, out var value) && IsTrue(value);

    /// <summary>The values a COMPOSE_* switch counts as set: 1, true, yes or on (any case, spaces ignored).</summary>
    public static bool IsTrue(string value) => value.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

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
