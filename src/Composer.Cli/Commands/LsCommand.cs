using System.CommandLine;

using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer ls</c>: compose projects on this engine (ours and docker compose's alike).</summary>
internal static class LsCommand
{
    private static readonly Option<bool> All = new("--all", "-a") { Description = "Show all projects, also stopped ones" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only display project names" };
    private static readonly Option<string> Format = new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "ls", "List running compose projects", context, RunAsync,
        All, Quiet, Format);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var rows = await new ListProjectsService(session.Orchestration).ListAsync(parse.GetValue(All), cancellationToken);
        await session.CloseProgressAsync();
        if (parse.GetValue(Quiet))
        {
            invocation.Output.WriteData(string.Concat(rows.Select(row => row.Name + "\n")));
        }
        else if ((parse.GetValue(Format) ?? "table").Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            invocation.Output.WriteData(DataJson.Serialize(rows.Select(row => new Dictionary<string, string> { ["Name"] = row.Name, ["Status"] = row.Status, ["ConfigFiles"] = row.ConfigFiles }).ToList()));
        }
        else
        {
            invocation.Output.WriteData(TextTable.Render(["NAME", "STATUS", "CONFIG FILES"], rows.Select(row => (IReadOnlyList<string>)[row.Name, row.Status, row.ConfigFiles])));
        }

        return ExitCodes.Success;
    }
}
