using System.CommandLine;
using System.Text;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Inspection;
using Spectre.Console;

namespace Composer.Cli.Commands;

/// <summary>
/// <c>composer stats</c>: CPU, memory, network, block I/O and PIDs of the running containers. It refreshes until
/// Ctrl-C (a live table on a terminal, one block per reading otherwise); --no-stream prints one reading.
/// </summary>
internal static class StatsCommand
{
    private static readonly Option<bool> NoStream = new("--no-stream") { Description = "Disable streaming stats and only pull the first result" };
    private static readonly Option<string> Format = new("--format") { Description = "table, json, or a Go template such as 'table {{.Name}}\t{{.CPUPerc}}'", DefaultValueFactory = _ => "table" };
    private static readonly Option<bool> All = new("--all", "-a") { Description = "Show all containers (default shows just running)" };
    private static readonly Option<bool> NoTrunc = new("--no-trunc") { Description = "Do not truncate output" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    private static readonly string[] Headers = ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"];

    public static Command Create(CliContext context) => CommandRunner.Define(
        "stats", "Display a live stream of container(s) resource usage statistics", context, RunAsync, NoStream, Format, All, NoTrunc, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var format = parse.GetValue(Format) ?? "table";
        format = GoTemplate.IsTemplate(format) ? format : format.ToLowerInvariant();
        if (format is not ("table" or "json") && !GoTemplate.IsTemplate(format))
        {
            throw new UsageException($"--format must be table, json or a Go template (got '{format}')");
        }

        var template = GoTemplate.IsTemplate(format) ? GoTemplate.Parse(format) : null;
        var all = parse.GetValue(All);
        var truncate = !parse.GetValue(NoTrunc);
        var (project, engine) = await ProjectEngine.OpenAsync(invocation, services, cancellationToken);
        using (engine)
        {
            var stats = new StatsService(engine);
            if (parse.GetValue(NoStream))
            {
                invocation.Output.WriteData(Render(await stats.SampleAsync(project.Name, services, cancellationToken, all), format, truncate, template));
                return ExitCodes.Success;
            }

            try
            {
                if (format == "table" && invocation.Context.OutputIsTerminal)
                {
                    await LiveAsync(invocation.Context.Out, () => stats.SampleAsync(project.Name, services, cancellationToken, all), truncate, cancellationToken);
                }
                else
                {
                    // Each reading takes the engine about a second, which paces the loop.
                    while (true)
                    {
                        var rows = await stats.SampleAsync(project.Name, services, cancellationToken, all);
                        invocation.Output.WriteData(Render(rows, format, truncate, template) + (format == "table" ? "\n" : ""));
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Interrupted;
            }
        }

        return ExitCodes.Success;
    }

    private static async Task LiveAsync(TextWriter output, Func<Task<IReadOnlyList<StatsRow>>> sample, bool truncate, CancellationToken cancellationToken)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            Interactive = InteractionSupport.Yes,
            Out = new AnsiConsoleOutput(output),
        });
        var table = new Table().Border(TableBorder.None);
        foreach (var header in Headers)
        {
            table.AddColumn(new TableColumn(Markup.Escape(header)));
        }

        await console.Live(table).StartAsync(async live =>
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var rows = await sample();
                table.Rows.Clear();
                foreach (var row in rows)
                {
                    table.AddRow([.. Cells(row, truncate).Select(cell => new Text(cell))]);
                }

                live.Refresh();
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
    }

    internal static string Render(IReadOnlyList<StatsRow> rows, string format, bool truncate = true, GoTemplate? template = null)
    {
        if (format == "table")
        {
            return TextTable.Render(Headers, rows.Select(row => Cells(row, truncate)));
        }

        if (template is not null)
        {
            return template.Render([.. rows.Select(row => (IReadOnlyDictionary<string, object?>)Fields(row, truncate).ToDictionary(pair => pair.Key, pair => (object?)pair.Value))], TemplateHeaders);
        }

        var text = new StringBuilder();
        foreach (var row in rows)
        {
            text.Append(DataJson.Serialize(Fields(row, truncate))).Append('\n');
        }

        return text.ToString();
    }

    private static readonly Dictionary<string, string> TemplateHeaders = new(StringComparer.Ordinal)
    {
        ["ID"] = "CONTAINER ID", ["Container"] = "CONTAINER", ["Name"] = "NAME", ["CPUPerc"] = "CPU %", ["MemUsage"] = "MEM USAGE / LIMIT",
        ["MemPerc"] = "MEM %", ["NetIO"] = "NET I/O", ["BlockIO"] = "BLOCK I/O", ["PIDs"] = "PIDS",
    };

    private static Dictionary<string, string> Fields(StatsRow row, bool truncate)
    {
        var cells = Cells(row, truncate);
        return new Dictionary<string, string>
            {
                ["ID"] = cells[0],
                ["Container"] = row.Id,
                ["Name"] = cells[1],
                ["CPUPerc"] = cells[2],
                ["MemUsage"] = cells[3],
                ["MemPerc"] = cells[4],
                ["NetIO"] = cells[5],
                ["BlockIO"] = cells[6],
                ["PIDs"] = cells[7],
            };
    }

    private static IReadOnlyList<string> Cells(StatsRow row, bool truncate) =>
    [
        truncate && row.Id.Length > 12 ? row.Id[..12] : row.Id,
        row.Name,
        StatsText.Percent(row.CpuPercent),
        StatsText.Memory(row),
        StatsText.Percent(row.MemoryPercent),
        StatsText.Network(row),
        StatsText.Block(row),
        row.Pids.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}
