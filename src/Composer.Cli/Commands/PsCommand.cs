using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer ps</c>: the project's containers.</summary>
internal static partial class PsCommand
{
    private static readonly Option<bool> All = new("--all", "-a") { Description = "Show all stopped containers too" };
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only display IDs" };
    private static readonly Option<bool> ServicesOnly = new("--services") { Description = "Display services" };
    private static readonly Option<string[]> Status = new("--status") { Description = "Filter by state: created, running, paused, restarting, exited, dead (repeatable)" };
    private static readonly Option<string?> Filter = new("--filter") { Description = "Filter services by a property (supported filters: status), e.g. status=running" };
    private static readonly Option<bool> NoTrunc = new("--no-trunc") { Description = "Don't truncate output" };
    private static readonly Option<bool> Orphans = new("--orphans") { Description = "Include orphaned services (not declared by project); true by default", DefaultValueFactory = _ => true, Arity = ArgumentArity.ZeroOrOne };
    private static readonly Option<string> Format = new("--format") { Description = "table, json, or a Go template such as '{{.Name}}' or 'table {{.Name}}\\t{{.Status}}'", DefaultValueFactory = _ => "table" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["ID"] = "CONTAINER ID", ["RunningFor"] = "CREATED", ["CreatedAt"] = "CREATED AT", ["Ports"] = "PORTS", ["Publishers"] = "PORTS",
    };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "ps", "List containers", context, RunAsync,
        All, Quiet, ServicesOnly, Status, Filter, NoTrunc, Orphans, Format, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var statuses = (parse.GetValue(Status) ?? []).Concat(FilterStatus(parse.GetValue(Filter))).ToArray();
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectOrNameAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        await session.ReadyAsync();
        var rows = await new PsService(session.Orchestration).ListAsync(project.Name, new PsOptions { All = parse.GetValue(All) || statuses.Length > 0, Services = services }, cancellationToken);
        await session.CloseProgressAsync();
        if (statuses.Length > 0)
        {
            rows = rows.Where(row => statuses.Contains(row.State, StringComparer.OrdinalIgnoreCase)).ToArray();
        }

        if (!parse.GetValue(Orphans) && project.Services.Count > 0)
        {
            rows = rows.Where(row => project.Services.ContainsKey(row.Service)).ToArray();
        }

        invocation.Output.WriteData(Render(rows, parse, project.Name));
        return ExitCodes.Success;
    }

    // docker compose's --filter takes KEY=VALUE with one key: status.
    private static IEnumerable<string> FilterStatus(string? filter)
    {
        if (filter is null)
        {
            return [];
        }

        var parts = filter.Split('=', 2);
        return parts.Length == 2 && parts[0] == "status"
            ? [parts[1]]
            : throw new UsageException($"--filter {filter}: unknown filter (supported: status=<state>)");
    }

    private static string Render(IReadOnlyList<PsRow> rows, ParseResult parse, string projectName)
    {
        var truncate = !parse.GetValue(NoTrunc);
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
                builder.Append(DataJson.Serialize(Fields(row, projectName, truncate: false))).Append('\n');
            }

            return builder.ToString();
        }

        if (GoTemplate.IsTemplate(format))
        {
            return GoTemplate.Parse(format).Render([.. rows.Select(row => (IReadOnlyDictionary<string, object?>)Fields(row, projectName, truncate))], Headers);
        }

        if (!format.Equals("table", StringComparison.OrdinalIgnoreCase))
        {
            throw new UsageException($"--format must be table, json or a Go template (got '{format}')");
        }

        return TextTable.Render(
            ["NAME", "IMAGE", "COMMAND", "SERVICE", "CREATED", "STATUS", "PORTS"],
            rows.Select(row => (IReadOnlyList<string>)[row.Name, row.Image, Quote(row.Command, truncate), row.Service, Age(row.Created), row.Status, row.Ports]));
    }

    /// <summary>One container as docker compose v2's ps prints it in JSON (and as templates see it).</summary>
    private static Dictionary<string, object?> Fields(PsRow row, string projectName, bool truncate) => new()
    {
        ["Command"] = Quote(row.Command, truncate),
        ["CreatedAt"] = row.Created.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss '+0000 UTC'", CultureInfo.InvariantCulture),
        ["ExitCode"] = ExitCode(row),
        ["Health"] = row.Health ?? string.Empty,
        ["ID"] = truncate ? row.Id[..Math.Min(12, row.Id.Length)] : row.Id,
        ["Image"] = row.Image,
        ["Labels"] = string.Join(',', row.Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")),
        ["LocalVolumes"] = "0",
        ["Mounts"] = string.Empty,
        ["Name"] = row.Name,
        ["Names"] = row.Name,
        ["Networks"] = string.Join(',', row.Networks),
        ["Ports"] = row.Ports,
        ["Project"] = row.Labels.GetValueOrDefault(Composer.Model.ComposeLabels.Project) ?? projectName,
        ["Publishers"] = row.Publishers
            .OrderBy(port => port.ContainerPort)
            .Select(port => new Dictionary<string, object?>
            {
                ["URL"] = port.HostIp ?? string.Empty,
                ["TargetPort"] = port.ContainerPort,
                ["PublishedPort"] = port.HostPort ?? 0,
                ["Protocol"] = port.Protocol,
            })
            .ToList(),
        ["RunningFor"] = Age(row.Created),
        ["Service"] = row.Service,
        ["Size"] = "0B",
        ["State"] = row.State,
        ["Status"] = row.Status,
    };

    // The engine's list gives the exit code only inside the status text: "Exited (3) 2 minutes ago".
    private static int ExitCode(PsRow row) =>
        ExitedStatus().Match(row.Status) is { Success: true } match ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;

    private static string Quote(string command, bool truncate) => "\"" + (truncate && command.Length > 20 ? command[..19] + "…" : command) + "\"";

    private static string Age(DateTimeOffset created)
    {
        var age = DateTimeOffset.UtcNow - created;
        return age.TotalMinutes < 1 ? "Less than a minute ago"
            : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} minutes ago"
            : age.TotalDays < 1 ? $"{(int)age.TotalHours} hours ago"
            : $"{(int)age.TotalDays} days ago";
    }

    [GeneratedRegex(@"^Exited \((-?\d+)\)")]
    private static partial Regex ExitedStatus();
}
