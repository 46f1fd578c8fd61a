using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Cli.Rendering;
using Composer.Orchestration.Services;
using Composer.Orchestration.Watch;

namespace Composer.Cli.Commands;

/// <summary>
/// <c>composer watch</c>: brings the services up (unless --no-up), then applies their develop.watch rules to every
/// batch of file changes until Ctrl-C, which stops watching and leaves the containers running.
/// </summary>
internal static class WatchCommand
{
    private static readonly Option<bool> NoUp = new("--no-up") { Description = "Do not build and start services before watching" };
    // On unless --prune=false, as docker compose's (since 2.35).
    private static readonly Option<bool> Prune = new("--prune") { Description = "Prune dangling images on rebuild (--prune=false keeps them)", DefaultValueFactory = _ => true };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Hide build output and the line printed for each action (failures and the watching line are still shown)" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "watch", "Watch the build context of services and update, rebuild or restart their containers when files change", context, RunAsync,
        NoUp, Prune, Quiet, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        var quiet = parse.GetValue(Quiet);
        var options = WatchSetup.Options(invocation, project, new UpOptions { Services = services }, parse.GetValue(Prune));
        WatchService.EnsureWatchable(project, options);
        await session.ReadyAsync();
        try
        {
            if (!parse.GetValue(NoUp))
            {
                // --quiet hides the pull and build output of the up before watching, as docker compose's does.
                var orchestration = quiet ? session.Orchestration with { Progress = new QuietImageProgress(session.Orchestration.Progress, quietPull: true, quietBuild: true) } : session.Orchestration;
                await new UpService(orchestration).UpAsync(project, options.Up, cancellationToken);
            }

            await session.CloseProgressAsync();
            await new WatchService(session.Orchestration).WatchAsync(project, options, new ConsoleWatchReporter(invocation.Output, quiet), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        // Ctrl-C is how watching ends, as for logs -f: the shell's code for it, no error line.
        return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }
}
