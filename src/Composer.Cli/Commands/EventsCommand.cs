using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Inspection;

namespace Composer.Cli.Commands;

/// <summary><c>composer events</c>: the project's container events, one line each, until Ctrl-C.</summary>
internal static class EventsCommand
{
    private static readonly Option<bool> Json = new("--json") { Description = "Output events as a stream of json objects" };
    private static readonly Option<string?> Since = new("--since") { Description = "Show all events created since timestamp (2013-01-02T13:23:37Z) or relative (42m)" };
    private static readonly Option<string?> Until = new("--until") { Description = "Stream events until this timestamp or relative time (42m)" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "events", "Receive real time events from containers", context, RunAsync, Json, Since, Until, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var services = invocation.ParseResult.GetValue(Services) ?? [];
        var json = invocation.ParseResult.GetValue(Json);
        var now = DateTimeOffset.UtcNow;
        var since = LogsCommand.EngineTime(invocation.ParseResult.GetValue(Since), "--since", now);
        var until = LogsCommand.EngineTime(invocation.ParseResult.GetValue(Until), "--until", now);
        var (project, engine) = await ProjectEngine.OpenAsync(invocation, services, cancellationToken);
        using (engine)
        {
            try
            {
                await foreach (var projectEvent in new EventsService(engine).StreamAsync(project.Name, services, cancellationToken, since, until))
                {
                    invocation.Output.WriteData(json ? ToJson(projectEvent) : projectEvent.ToText());
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Ctrl-C is how events ends, as logs -f: no error message, only the shell's code for it.
                return ExitCodes.Interrupted;
            }
        }

        return ExitCodes.Success;
    }

    private static string ToJson(ProjectEvent projectEvent) => DataJson.Serialize(new Dictionary<string, object?>
    {
        ["time"] = projectEvent.Time.ToString("O"),
        ["type"] = projectEvent.Type,
        ["action"] = projectEvent.Action,
        ["id"] = projectEvent.Id,
        ["service"] = projectEvent.Service,
        ["attributes"] = projectEvent.Attributes,
    });
}
