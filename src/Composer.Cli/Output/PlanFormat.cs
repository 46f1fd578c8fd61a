using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Planning.Plans;

namespace Composer.Cli.Output;

/// <summary>
/// <c>--format text|json</c> of the verbs that plan: how <c>--dry-run</c> prints its plan. JSON is one document for
/// tools (<see cref="PlanJson"/>); it asks for a plan, so without --dry-run it is a usage error rather than ignored.
/// </summary>
internal static class PlanFormat
{
    /// <summary>One instance, added to every planning verb (an option may have several parent commands).</summary>
    public static readonly Option<string?> Option = new("--format")
    {
        Description = "With --dry-run, print the plan as text (default) or json",
    };

    /// <summary>True for json; checks the value (and that --dry-run is there) before anything is loaded or asked of the engine.</summary>
    public static bool IsJson(CommandInvocation invocation)
    {
        var value = invocation.ParseResult.GetValue(Option);
        switch (value?.ToLowerInvariant())
        {
            case null or "text":
                return false;
            case "json" when invocation.ParseResult.GetValue(GlobalOptions.DryRun):
                return true;
            case "json":
                throw new UsageException("--format json prints the plan of --dry-run; add --dry-run");
            default:
                throw new UsageException($"--format must be text or json (got '{value}')");
        }
    }

    /// <summary>Prints a dry run's plan: as JSON, else <paramref name="text"/> (the plan's own lines unless given).</summary>
    public static void Write(CommandInvocation invocation, Plan plan, string project, string? text = null)
    {
        invocation.Output.WriteData(IsJson(invocation)
            ? PlanJson.Write(plan, project, invocation.ParseResult.CommandResult.Command.Name)
            : text ?? plan.ToString());
    }
}
