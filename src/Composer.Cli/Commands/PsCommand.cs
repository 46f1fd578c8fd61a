using System.CommandLine;
using System.Text;

using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer ps</c>: the project's containers.</summary>
internal static class PsCommand
{
    private static readonly Option<bool> All = new("--all", "-a") { Description = "Show all stopped containers too" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only display IDs" };
    private static readonly Option<bool> ServicesOnly = new("--services") { Description = "Display services" };
    private static readonly Option<string[]> Status = new("--status") { Description = "Filter by state: created, running, paused, restarting, exited, dead (repeatable)" };
    private static readonly Option<string> Format = new("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "ps", "List containers", context, RunAsync,
        All, Quiet, ServicesOnly, Status, Format, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectOrNameAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        var statuses = parse.GetValue(Status) ?? [];
        await session.ReadyAsync();
        var rows = await new PsService(session.Orchestration).ListAsync(project.Name, new PsOptions { All = parse.GetValue(All) || statuses.Length > 0, Services = services }, cancellationToken);
        await session.CloseProgressAsync();
        if (statuses.Length > 0)
        {
            rows = rows.Where(row => statuses.Contains(row.State, StringComparer.OrdinalIgnoreCase)).ToArray();
        }

        invocation.Output.WriteData(Render(rows, parse));
        return ExitCodes.Success;
    }

    private static string Render(IReadOnlyList<PsRow> rows, ParseResult parse)
    {
        if (parse.GetValue(Quiet))
        {
            return string.Concat(rows.Select(row => row.Id + "\n"));
        }

        if (parse.GetValue(ServicesOnly))
        {
            return string.Concat(rows.Select(row => row.Service).Distinct(StringComparer.Ordinal).Select(service => service + "\n"));
        }

        var format = parse.GetValue(Format) ?? "table";
        if (format.Equals("json", StringComparison.OrdinalIgnoreCase))
        {
            var builder = new StringBuilder();
            foreach (var row in rows)
            {
                builder.Append(DataJson.Serialize(new Dictionary<string, object?>
                {
                    ["ID"] = row.Id,
                    ["Name"] = row.Name,
                    ["Service"] = row.Service,
                    ["Number"] = row.Number,
                    ["Image"] = row.Image,
                    ["Command"] = row.Command,
                    ["CreatedAt"] = row.Created.ToString("O"),
                    ["State"] = row.State,
                    ["Health"] = row.Health ?? string.Empty,
                    ["Status"] = row.Status,
                    ["Publishers"] = row.Ports,
                    ["Labels"] = row.Labels,
                })).Append('\n');
            }

            return builder.ToString();
        }

        if (!format.Equals("table", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--format must be table or json (got '{format}')");
        }

        return TextTable.Render(
            ["NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"],
            rows.Select(row => (IReadOnlyList<string>)[row.Name, row.Image, Quote(row.Command), row.Service, Age(row.Created), row.Status, row.Ports]));
    }

    private static string Quote(string command) => "\"" + (command.Length > 20 ? command[..19] + "…" : command) + "\"";

    private static string Age(DateTimeOffset created)
    {
        var age = DateTimeOffset.UtcNow - created;
        return age.TotalMinutes < 1 ? "Less than a minute ago"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} minutes ago"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} hours ago"
            : $"{(int)age.TotalDays} days ago";
    }
}
