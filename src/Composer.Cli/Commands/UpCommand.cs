using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer up</c>: create and start the project's containers, converging on what is already there.</summary>
internal static class UpCommand
{
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Run containers in the background" };
    private static readonly Option<bool> Wait = new("--wait") { Description = "Wait for services to be running or healthy (implies -d)" };
    private static readonly Option<int?> WaitTimeout = new("--wait-timeout") { Description = "Seconds to wait with --wait" };
    private static readonly Option<bool> ForceRecreate = new("--force-recreate") { Description = "Recreate containers even if nothing changed" };
    private static readonly Option<bool> NoRecreate = new("--no-recreate") { Description = "Never recreate existing containers" };
    private static readonly Option<bool> NoDeps = new("--no-deps") { Description = "Do not start linked services" };
    private static readonly Option<bool> NoStart = new("--no-start") { Description = "Create but do not start" };
    private static readonly Option<bool> RemoveOrphans = new("--remove-orphans") { Description = "Remove containers of services not in the compose file" };
    private static readonly Option<string[]> Scale = new("--scale") { Description = "SERVICE=N (repeatable)" };
    private static readonly Option<int?> Timeout = new("--timeout", "-t") { Description = "Seconds to wait for containers to stop" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context)
    {
        var command = new Command("up", "Create and start containers");
        foreach (var option in new Option[] { Detach, Wait, WaitTimeout, ForceRecreate, NoRecreate, NoDeps, NoStart, RemoveOrphans, Scale, Timeout })
        {
            command.Options.Add(option);
        }

        command.Arguments.Add(Services);
        CommandRunner.SetAction(command, context, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var services = parse.GetValue(Services) ?? [];
        if (parse.GetValue(ForceRecreate) && parse.GetValue(NoRecreate))
        {
            throw new UsageException("--force-recreate and --no-recreate cannot be combined");
        }

        var project = await invocation.LoadProjectAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        var scale = ScaleArguments.Parse(parse.GetValue(Scale) ?? []);
        ServiceNames.EnsureKnown(project, scale.Keys);
        var options = new UpOptions
        {
            Wait = parse.GetValue(Wait),
            WaitTimeout = Durations.Seconds(parse.GetValue(WaitTimeout)),
            ForceRecreate = parse.GetValue(ForceRecreate),
            NoRecreate = parse.GetValue(NoRecreate),
            NoDeps = parse.GetValue(NoDeps),
            NoStart = parse.GetValue(NoStart),
            RemoveOrphans = parse.GetValue(RemoveOrphans),
            Scale = scale,
            Timeout = Durations.Seconds(parse.GetValue(Timeout)),
            Services = services,
            DryRun = parse.GetValue(GlobalOptions.DryRun),
        };

        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var result = await new UpService(session.Orchestration).UpAsync(project, options, cancellationToken);
        await session.CloseProgressAsync();
        if (!result.Executed)
        {
            invocation.Output.WriteData(result.PlanText);
        }

        return ExitCodes.Success;
    }
}
