using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Model;

namespace Composer.Cli.Commands;

/// <summary>
/// What up, create, run and down do about orphans (containers of services no longer in the file), from the flag and
/// the two COMPOSE_* variables docker compose reads.
/// </summary>
internal static class OrphanSwitches
{
    /// <summary>--remove-orphans when given (also as <c>--remove-orphans=false</c>), else COMPOSE_REMOVE_ORPHANS.</summary>
    public static bool Remove(ParseResult parse, Option<bool> flag, CliContext context) =>
        parse.GetResult(flag) is { Implicit: false } ? parse.GetValue(flag) : GlobalOptions.Switch(context, "COMPOSE_REMOVE_ORPHANS");

    /// <summary>
    /// COMPOSE_IGNORE_ORPHANS, read as docker compose reads it: from the project's environment (the process's over
    /// .env), else the process's for a project known only by name. Removing wins over ignoring: docker compose's up
    /// refuses the two together, run removes; Composer removes in every verb, so no working command line changes.
    /// </summary>
    public static bool Ignore(Project project, CliContext context) =>
        project.Environment.TryGetValue("COMPOSE_IGNORE_ORPHANS", out var value)
            ? GlobalOptions.IsTrue(value)
            : GlobalOptions.Switch(context, "COMPOSE_IGNORE_ORPHANS");
}
