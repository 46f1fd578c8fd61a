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
    private static readonly Option<string> Format = new("--format") { Description = "table, json, or a Go template such as '{{.Name}}'", DefaultValueFactory = _ => "table" };
    private static readonly Option<string[]> Filter = new("--filter") { Description = "Filter output based on conditions provided: name=<substring> (repeatable)" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "ls", "List running compose projects", context, RunAsync,
        All, Quiet, Format, Filter);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var names = NameFilters(parse.GetValue(Filter) ?? []);
        var format = parse.GetValue(Format) ?? "table";
        if (!GoTemplate.IsTemplate(format) && !format.Equals("json", StringComparison.OrdinalIgnoreCase) && !format.Equals("table", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--format must be table, json or a Go template (got '{format}')");
        }

        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var rows = await new ListProjectsService(session.Orchestration).ListAsync(parse.GetValue(All), cancellationToken);
        if (names.Count > 0)
        {
            // As the engine's name filter: a project matches when its name contains one of the given names.
            rows = [.. rows.Where(row => names.Any(name => row.Name.Contains(name, StringComparison.Ordinal)))];
        }

        await session.CloseProgressAsync();
        if (parse.GetValue(Quiet))
        {
            invocation.Output.WriteData(string.Concat(rows.Select(row => row.Name + "\n")));
        }
        else if (GoTemplate.IsTemplate(format))
        {
            invocation.Output.WriteData(GoTemplate.Parse(format).Render([.. rows.Select(row => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                ["Name"] = row.Name, ["Status"] = row.Status, ["ConfigFiles"] = row.ConfigFiles,
            })], new Dictionary<string, string>(StringComparer.Ordinal) { ["ConfigFiles"] = "CONFIG FILES" }));
        }
        else if (format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            invocation.Output.WriteData(DataJson.Serialize(rows.Select(row => new Dictionary<string, string> { ["Name"] = row.Name, ["Status"] = row.Status, ["ConfigFiles"] = row.ConfigFiles }).ToList()));
        }
        else
        {
            invocation.Output.WriteData(TextTable.Render(["NAME", "STATUS", "CONFIG FILES"], rows.Select(row => (IReadOnlyList<string>)[row.Name, row.Status, row.ConfigFiles])));
        }

        return ExitCodes.Success;
    }

    private static List<string> NameFilters(IEnumerable<string> filters) =>
    [
        .. filters.Select(filter => filter.Split('=', 2) is ["name", var name]
            ? name
            : throw new UsageException($"--filter {filter}: unknown filter (supported: name=<project>)")),
    ];
}
