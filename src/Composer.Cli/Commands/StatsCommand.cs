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
    private static readonly Option<string> Format = new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    private static readonly string[] Headers = ["CONTAINER ID", "NAME", "CPU %", "MEM USAGE / LIMIT", "MEM %", "NET I/O", "BLOCK I/O", "PIDS"];

    public static Command Create(CliContext context) => CommandRunner.Define(
        "stats", "Display a live stream of container(s) resource usage statistics", context, RunAsync, NoStream, Format, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var format = (parse.GetValue(Format) ?? "table").ToLowerInvariant();
        if (format is not ("table" or "json"))
        {
            throw new UsageException($"--format must be table or json (got '{format}')");
        }

        var (project, engine) = await ProjectEngine.OpenAsync(invocation, services, cancellationToken);
        using (engine)
        {
            var stats = new StatsService(engine);
            if (parse.GetValue(NoStream))
            {
                invocation.Output.WriteData(Render(await stats.SampleAsync(project.Name, services, cancellationToken), format));
                return ExitCodes.Success;
            }

            try
            {
                if (format == "table" && invocation.Context.OutputIsTerminal)
                {
                    await LiveAsync(invocation.Context.Out, () => stats.SampleAsync(project.Name, services, cancellationToken), cancellationToken);
                }
                else
                {
                    // Each reading takes the engine about a second, which paces the loop.
                    while (true)
                    {
                        var rows = await stats.SampleAsync(project.Name, services, cancellationToken);
                        invocation.Output.WriteData(Render(rows, format) + (format == "table" ? "\n" : ""));
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

    private static async Task LiveAsync(TextWriter output, Func<Task<IReadOnlyList<StatsRow>>> sample, CancellationToken cancellationToken)
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
                    table.AddRow([.. Cells(row).Select(cell => new Text(cell))]);
                }

                live.Refresh();
            }
        });
        cancellationToken.ThrowIfCancellationRequested();
    }

    internal static string Render(IReadOnlyList<StatsRow> rows, string format)
    {
        if (format == "table")
        {
            return TextTable.Render(Headers, rows.Select(Cells));
        }

        var text = new StringBuilder();
        foreach (var row in rows)
        {
            var cells = Cells(row);
            text.Append(DataJson.Serialize(new Dictionary<string, string>
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
            })).Append('\n');
        }

        return text.ToString();
    }

    private static IReadOnlyList<string> Cells(StatsRow row) =>
    [
        row.Id.Length > 12 ? row.Id[..12] : row.Id,
        row.Name,
        StatsText.Percent(row.CpuPercent),
        StatsText.Memory(row),
        StatsText.Percent(row.MemoryPercent),
        StatsText.Network(row),
        StatsText.Block(row),
        row.Pids.ToString(System.Globalization.CultureInfo.InvariantCulture),
    ];
}
