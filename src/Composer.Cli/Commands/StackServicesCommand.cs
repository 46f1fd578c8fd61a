using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack services [STACK]</c>: mode, running/desired replicas, image and ports per service.</summary>
internal static class StackServicesCommand
{
    private static readonly Argument<string?> Stack = new("STACK") { Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string> Format = new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only display IDs" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "services", "List the services in the stack", context, RunAsync, Stack, Format, Quiet);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var json = StackFormats.IsJson(parse.GetValue(Format));
        var stack = await StackNames.ResolveAsync(invocation, parse.GetValue(Stack), cancellationToken);
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var rows = await new StackQueryService(session.Orchestration).ServicesAsync(stack, cancellationToken);
        await session.CloseProgressAsync();
        if (parse.GetValue(Quiet))
        {
            invocation.Output.WriteData(string.Concat(rows.Select(row => row.Id + "\n")));
        }
        else if (json)
        {
            invocation.Output.WriteData(string.Concat(rows.Select(row => DataJson.Serialize(new Dictionary<string, string>
            {
                ["ID"] = row.Id,
                ["Name"] = row.Name,
                ["Mode"] = row.Mode,
                ["Replicas"] = row.Replicas,
                ["Image"] = row.Image,
                ["Ports"] = row.Ports,
            }) + "\n")));
        }
        else
        {
            invocation.Output.WriteData(TextTable.Render(["ID", "NAME", "MODE", "REPLICAS", "IMAGE", "PORTS"],
                rows.Select(row => (IReadOnlyList<string>)[row.Id[..Math.Min(12, row.Id.Length)], row.Name, row.Mode, row.Replicas, row.Image, row.Ports])));
        }

        return ExitCodes.Success;
    }
}
