using System.CommandLine;
using System.Globalization;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack ps [STACK] [SERVICE]</c>: tasks with node, desired and current state, error and exit code.</summary>
internal static class StackPsCommand
{
    private static readonly Argument<string?> Stack = new("STACK") { Arity = ArgumentArity.ZeroOrOne };
    private static readonly Argument<string?> Service = new("SERVICE") { Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<bool> NoTrunc = new("--no-trunc") { Description = "Do not truncate ids and errors" };
    private static readonly Option<string> Format = new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only display task IDs" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "ps", "List the tasks in the stack", context, RunAsync, Stack, Service, NoTrunc, Format, Quiet);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var json = StackFormats.IsJson(parse.GetValue(Format));
        var noTrunc = parse.GetValue(NoTrunc);
        var stack = await StackNames.ResolveAsync(invocation, parse.GetValue(Stack), cancellationToken);
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var rows = await new StackQueryService(session.Orchestration).TasksAsync(stack, parse.GetValue(Service), cancellationToken);
        await session.CloseProgressAsync();
        var now = DateTimeOffset.UtcNow;
        string Id(string id) => noTrunc ? id : id[..Math.Min(12, id.Length)];
        string Error(string error) => noTrunc || error.Length <= 30 ? error : error[..29] + "…";
        string Current(StackTaskRow row) => row.Since is { } since ? $"{row.CurrentState} {Ago(now - since)}" : row.CurrentState;
        if (parse.GetValue(Quiet))
        {
            invocation.Output.WriteData(string.Concat(rows.Select(row => Id(row.Id) + "\n")));
        }
        else if (json)
        {
            invocation.Output.WriteData(string.Concat(rows.Select(row => DataJson.Serialize(new Dictionary<string, string>
            {
                ["ID"] = Id(row.Id),
                ["Name"] = row.Name,
                ["Image"] = row.Image,
                ["Node"] = row.Node,
                ["DesiredState"] = row.DesiredState,
                ["CurrentState"] = Current(row),
                ["Error"] = noTrunc ? row.Error : Error(row.Error),
                ["Ports"] = row.Ports,
                ["ExitCode"] = row.ExitCode?.ToString(CultureInfo.InvariantCulture) ?? "",
            }) + "\n")));
        }
        else
        {
            invocation.Output.WriteData(TextTable.Render(["ID", "NAME", "IMAGE", "NODE", "DESIRED STATE", "CURRENT STATE", "ERROR", "PORTS"],
                rows.Select(row => (IReadOnlyList<string>)[Id(row.Id), (row.IsHistory ? " \\_ " : "") + row.Name, row.Image, row.Node,
                    row.DesiredState, Current(row), Error(row.Error), row.Ports])));
        }

        return ExitCodes.Success;
    }

    private static string Ago(TimeSpan age) => age.TotalSeconds switch
    {
        < 1 => "less than a second ago",
        < 60 => $"{(int)age.TotalSeconds} seconds ago",
        < 3600 => $"{(int)age.TotalMinutes} minutes ago",
        < 86400 => $"{(int)age.TotalHours} hours ago",
        _ => $"{(int)age.TotalDays} days ago",
    };
}
