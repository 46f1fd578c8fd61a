using System.CommandLine;
using System.Globalization;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack ls</c>: every stack on the swarm, Composer's and docker's alike.</summary>
internal static class StackLsCommand
{
    private static readonly Option<string> Format = new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };

    public static Command Create(CliContext context)
    {
        var command = CommandRunner.Define("ls", "List stacks", context, RunAsync, Format);
        command.Aliases.Add("list");
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var stacks = await new StackQueryService(session.Orchestration).ListAsync(cancellationToken);
        await session.CloseProgressAsync();
        if (StackFormats.IsJson(invocation.ParseResult.GetValue(Format)))
        {
            invocation.Output.WriteData(string.Concat(stacks.Select(stack => DataJson.Serialize(new Dictionary<string, string>
            {
                ["Name"] = stack.Name,
                ["Services"] = stack.Services.ToString(CultureInfo.InvariantCulture),
            }) + "\n")));
        }
        else
        {
            invocation.Output.WriteData(TextTable.Render(["NAME", "SERVICES"],
                stacks.Select(stack => (IReadOnlyList<string>)[stack.Name, stack.Services.ToString(CultureInfo.InvariantCulture)])));
        }

        return ExitCodes.Success;
    }
}
