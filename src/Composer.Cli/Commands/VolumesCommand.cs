using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;

namespace Composer.Cli.Commands;

/// <summary><c>composer volumes [SERVICE...]</c>: the project's volumes on the engine (those the named services mount).</summary>
internal static class VolumesCommand
{
    private static readonly Option<bool> Quiet = new("--quiet", "-q") { Description = "Only display volume names" };
    private static readonly Option<string> Format = new("--format") { Description = "table, json, or a Go template such as '{{.Name}}'", DefaultValueFactory = _ => "table" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "volumes", "List volumes", context, RunAsync, Quiet, Format, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        var format = parse.GetValue(Format) ?? "table";
        if (format is not ("table" or "json") && !GoTemplate.IsTemplate(format))
        {
            throw new UsageException($"--format must be table, json or a Go template (got '{format}')");
        }

        var (project, engine) = await ProjectEngine.OpenAsync(invocation, services, cancellationToken);
        using (engine)
        {
            var volumes = await engine.ListVolumesAsync(new Dictionary<string, string?>(StringComparer.Ordinal) { [Composer.Model.ComposeLabels.Project] = project.Name }, cancellationToken);
            if (services.Length > 0)
            {
                // The named volumes those services mount, by their engine names.
                var mounted = services
                    .SelectMany(service => project.Services[service].Volumes)
                    .Where(volume => volume.Type == "volume" && volume.Source is not null)
                    .Select(volume => project.Volumes.TryGetValue(volume.Source!, out var declared) ? declared.Name : volume.Source!)
                    .ToHashSet(StringComparer.Ordinal);
                volumes = [.. volumes.Where(volume => mounted.Contains(volume.Name))];
            }

            var rows = volumes.OrderBy(volume => volume.Name, StringComparer.Ordinal)
                .Select(volume => new Dictionary<string, object?>
                {
                    ["Driver"] = volume.Driver,
                    ["Name"] = volume.Name,
                    ["Labels"] = string.Join(',', volume.Labels.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}")),
                })
                .ToList();
            invocation.Output.WriteData(parse.GetValue(Quiet) ? string.Concat(rows.Select(row => row["Name"] + "\n"))
                : GoTemplate.IsTemplate(format) ? GoTemplate.Parse(format).Render([.. rows], new Dictionary<string, string>(StringComparer.Ordinal) { ["Name"] = "VOLUME NAME" })
                : format == "json" ? string.Concat(rows.Select(row => DataJson.Serialize(row) + "\n"))
                : TextTable.Render(["DRIVER", "VOLUME NAME"], rows.Select(row => (IReadOnlyList<string>)[(string)row["Driver"]!, (string)row["Name"]!])));
        }

        return ExitCodes.Success;
    }
}
