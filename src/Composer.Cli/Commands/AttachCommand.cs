using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Terminal;
using Composer.Orchestration.Interactive;

namespace Composer.Cli.Commands;

/// <summary><c>composer attach</c>: follow a service container's output (and type into it when it keeps stdin open).</summary>
internal static class AttachCommand
{
    private static readonly Option<int> Index = new("--index") { Description = "Index of the container if the service has several replicas", DefaultValueFactory = _ => 1 };
    private static readonly Option<bool> NoStdin = new("--no-stdin") { Description = "Do not attach stdin" };
    private static readonly Option<bool> SigProxy = new("--sig-proxy") { Description = "Accepted for compatibility; Ctrl-C detaches", DefaultValueFactory = _ => true };
    private static readonly Argument<string> Service = new("service") { Description = "The service whose container to attach to" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "attach", "Attach local standard input, output, and error streams to a service's running container", context, RunAsync,
        Index, NoStdin, SigProxy, Service);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var service = parse.GetValue(Service)!;
        var index = InteractiveTarget.CheckedIndex(parse.GetValue(Index));
        var (project, engine) = await InteractiveTarget.OpenAsync(invocation, service, cancellationToken);
        using var _ = engine;
        if (parse.GetValue(GlobalOptions.DryRun))
        {
            invocation.Output.WriteData(await new AttachService(engine).PlanAsync(project, service, index, cancellationToken));
            return ExitCodes.Success;
        }

        try
        {
            return await new AttachService(engine).AttachAsync(project, service, index, !parse.GetValue(NoStdin), new ProcessConsole(), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Ctrl-C detaches and leaves the container running, as docker compose attach does.
            return ExitCodes.Interrupted;
        }
    }
}
