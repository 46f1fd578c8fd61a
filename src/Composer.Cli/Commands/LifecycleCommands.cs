using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Model;
using Composer.Orchestration;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary>start, stop, restart, kill, pause and unpause: the same arguments, one verb each.</summary>
internal static class LifecycleCommands
{
    private delegate Task<VerbResult> Verb(OrchestrationContext context, Project project, LifecycleOptions options, CancellationToken cancellationToken);

    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Build(context, "start", "Start existing containers", withTimeout: false, withSignal: false,
            (orchestration, project, options, token) => new StartService(orchestration).StartAsync(project, options, token));
        yield return Build(context, "stop", "Stop running containers without removing them", withTimeout: true, withSignal: false,
            (orchestration, project, options, token) => new StopService(orchestration).StopAsync(project, options, token));
        yield return Build(context, "restart", "Restart service containers", withTimeout: true, withSignal: false,
            (orchestration, project, options, token) => new RestartService(orchestration).RestartAsync(project, options, token));
        yield return Build(context, "kill", "Force stop service containers", withTimeout: false, withSignal: true,
            (orchestration, project, options, token) => new KillService(orchestration).KillAsync(project, options, token));
        yield return Build(context, "pause", "Pause services", withTimeout: false, withSignal: false,
            (orchestration, project, options, token) => new PauseService(orchestration).PauseAsync(project, options, token));
        yield return Build(context, "unpause", "Unpause services", withTimeout: false, withSignal: false,
            (orchestration, project, options, token) => new UnpauseService(orchestration).UnpauseAsync(project, options, token));
    }

    private static Command Build(CliContext context, string name, string description, bool withTimeout, bool withSignal, Verb verb)
    {
        var command = new Command(name, description);
        var services = new Argument<string[]>("services") { Arity = ArgumentArity.ZeroOrMore };
        var timeout = new Option<int?>("--timeout", "-t") { Description = "Seconds to wait for containers to stop" };
        var signal = new Option<string?>("--signal", "-s") { Description = "Signal to send (default SIGKILL)" };
        var wait = new Option<bool>("--wait") { Description = "Wait for services to be running or healthy" };
        var waitTimeout = new Option<int?>("--wait-timeout") { Description = "Seconds to wait with --wait" };
        var noDeps = new Option<bool>("--no-deps") { Description = "Don't restart dependent services" };
        var removeOrphans = new Option<bool>("--remove-orphans") { Description = "Remove containers of services not in the compose file" };
        command.Arguments.Add(services);
        command.Options.Add(PlanFormat.Option);
        foreach (var option in name switch
        {
            "start" => new Option[] { wait, waitTimeout },
            "restart" => [noDeps],
            "kill" => [removeOrphans],
            _ => [],
        })
        {
            command.Options.Add(option);
        }

        if (withTimeout)
        {
            command.Options.Add(timeout);
        }

        if (withSignal)
        {
            command.Options.Add(signal);
        }

        CommandRunner.SetAction(command, context, (invocation, cancellationToken) =>
        {
            var names = invocation.ParseResult.GetValue(services) ?? [];
            return VerbExecution.RunAsync(invocation, names, (orchestration, project, dryRun, token) =>
            {
                var options = new LifecycleOptions
                {
                    Services = names,
                    Timeout = withTimeout ? Durations.Seconds(invocation.ParseResult.GetValue(timeout)) : null,
                    Signal = withSignal ? invocation.ParseResult.GetValue(signal) : null,
                    DryRun = dryRun,
                    Wait = invocation.ParseResult.GetResult(wait) is not null && invocation.ParseResult.GetValue(wait),
                    WaitTimeout = invocation.ParseResult.GetResult(waitTimeout) is null ? null : Durations.Seconds(invocation.ParseResult.GetValue(waitTimeout)),
                    NoDeps = invocation.ParseResult.GetResult(noDeps) is not null && invocation.ParseResult.GetValue(noDeps),
                    RemoveOrphans = invocation.ParseResult.GetResult(removeOrphans) is not null && invocation.ParseResult.GetValue(removeOrphans),
                };
                return verb(orchestration, project, options, token);
            }, cancellationToken);
        });
        return command;
    }
}
