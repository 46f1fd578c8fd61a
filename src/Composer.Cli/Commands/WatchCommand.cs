using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
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
    private static readonly Option<bool> Prune = new("--prune") { Description = "Prune dangling images on rebuild" };
    private static readonly Option<bool> Quiet = new("--quiet") { Description = "Hide the line printed for each action (failures are still shown)" };
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
        var options = WatchSetup.Options(invocation, project, services, parse.GetValue(Prune), noBuild: false);
        WatchService.EnsureWatchable(project, options);
        await session.ReadyAsync();
        try
        {
            if (!parse.GetValue(NoUp))
            {
                await new UpService(session.Orchestration).UpAsync(project, new UpOptions { Services = services }, cancellationToken);
            }

            await session.CloseProgressAsync();
            await new WatchService(session.Orchestration).WatchAsync(project, options, new ConsoleWatchReporter(invocation.Output, parse.GetValue(Quiet)), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        // Ctrl-C is how watching ends, as for logs -f: the shell's code for it, no error line.
        return cancellationToken.IsCancellationRequested ? ExitCodes.Interrupted : ExitCodes.Success;
    }
}
