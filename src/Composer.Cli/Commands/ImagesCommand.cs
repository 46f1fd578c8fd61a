using System.CommandLine;
using System.Globalization;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Images;

namespace Composer.Cli.Commands;

/// <summary><c>composer images</c>: the images the project's containers use.</summary>
internal static class ImagesCommand
{
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only display image IDs" };
    private static readonly Option<string> Format = new("--format") { Description = "table, json, or a Go template such as '{{.Repository}}:{{.Tag}}'", DefaultValueFactory = _ => "table" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "images", "List images used by the created containers", context, RunAsync,
        Quiet, Format, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var format = parse.GetValue(Format) ?? "table";
        if (format is not ("table" or "json") && !GoTemplate.IsTemplate(format))
        {
            throw new UsageException($"--format must be table, json or a Go template (got '{format}')");
        }

        var template = GoTemplate.IsTemplate(format) ? GoTemplate.Parse(format) : null;

        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectOrNameAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        await session.ReadyAsync();
        var rows = await new ImagesService(session.Orchestration).ListAsync(project.Name, services, cancellationToken);
        await session.CloseProgressAsync();
        invocation.Output.WriteData(parse.GetValue(Quiet) ? string.Concat(rows.Select(row => row.Id).Distinct(StringComparer.Ordinal).Select(id => id + "\n"))
            : template is not null ? template.Render([.. rows.Select(row => (IReadOnlyDictionary<string, object?>)Fields(row))], TemplateHeaders)
            : format == "json" ? Json(rows)
            : Table(rows));
        return ExitCodes.Success;
    }

    private static readonly Dictionary<string, string> TemplateHeaders = new(StringComparer.Ordinal) { ["ContainerName"] = "CONTAINER", ["ID"] = "IMAGE ID" };

    private static string Json(IReadOnlyList<ImageRow> rows) => DataJson.Serialize(rows.Select(Fields).ToList()) + "\n";

    private static Dictionary<string, object?> Fields(ImageRow row) => new()
    {
        ["ContainerName"] = row.Container,
        ["Service"] = row.Service,
        ["Repository"] = row.Repository,
        ["Tag"] = row.Tag,
        ["ID"] = row.Id,
        ["Size"] = row.Size,
        ["Created"] = row.Created?.ToString("O"),
    };

    private static string Table(IReadOnlyList<ImageRow> rows) => TextTable.Render(
        ["CONTAINER", "REPOSITORY", "TAG", "IMAGE ID", "SIZE", "CREATED"],
        rows.Select(row => (IReadOnlyList<string>)[row.Container, row.Repository, row.Tag, ShortId(row.Id), ByteSizes.Format(row.Size), row.Created?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? ""]));

    private static string ShortId(string id) => id.StartsWith("sha256:", StringComparison.Ordinal) ? id[7..Math.Min(id.Length, 19)] : id;
}
