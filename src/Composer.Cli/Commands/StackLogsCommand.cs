using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Engine.Contracts;
using Composer.Orchestration.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack logs SERVICE</c>: every task's output, prefixed by task and node (web.1@swn2).</summary>
internal static class StackLogsCommand
{
    private static readonly Argument<string> Service = new("SERVICE");
    private static readonly Option<bool> Follow = new("--follow", "-f") { Description = "Follow log output" };
    private static readonly Option<string> Tail = new("--tail", "-n") { Description = "Number of lines from the end (or all)", DefaultValueFactory = _ => "all" };
    private static readonly Option<bool> Timestamps = new("--timestamps", "-t") { Description = "Show timestamps" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "logs", "Show the output of a stack service's tasks", context, RunAsync, Service, Follow, Tail, Timestamps);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var tail = parse.GetValue(Tail) ?? "all";
        if (tail != "all" && !int.TryParse(tail, out _))
        {
            throw new UsageException("--tail must be a number or all");
        }

        var stack = await StackNames.ResolveAsync(invocation, null, cancellationToken);
        using var engine = await EngineSession.ConnectEngineAsync(invocation, invocation.Output.Warn, cancellationToken);
        var context = new Orchestration.OrchestrationContext(engine, Orchestration.Progress.NullProgressSink.Instance);
        var request = new LogRequest { Follow = parse.GetValue(Follow), Tail = tail, Timestamps = parse.GetValue(Timestamps) };
        await foreach (var line in new StackLogsService(context).ReadAsync(stack, parse.GetValue(Service)!, request, cancellationToken))
        {
            invocation.Output.WriteData($"{line.Source} | {line.Text}\n");
        }

        return ExitCodes.Success;
    }
}
