using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer scale web=3 db=1</c>.</summary>
internal static class ScaleCommand
{
    private static readonly Option<bool> NoDeps = new("--no-deps") { Description = "Do not start linked services" };
    private static readonly Argument<string[]> Pairs = new("SERVICE=N") { Arity = ArgumentArity.OneOrMore };

    public static Command Create(CliContext context)
    {
        var command = new Command("scale", "Set the number of containers of services");
        command.Options.Add(NoDeps);
        command.Arguments.Add(Pairs);
        CommandRunner.SetAction(command, context, RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var scale = ScaleArguments.Parse(parse.GetValue(Pairs) ?? []);
        var project = await invocation.LoadProjectAsync([.. scale.Keys], cancellationToken);
        ServiceNames.EnsureKnown(project, scale.Keys);
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var options = new ScaleOptions { Scale = scale, NoDeps = parse.GetValue(NoDeps), DryRun = parse.GetValue(GlobalOptions.DryRun) };
        var result = await new ScaleService(session.Orchestration).ScaleAsync(project, options, cancellationToken);
        await session.CloseProgressAsync();
        if (!result.Executed)
        {
            invocation.Output.WriteData(result.PlanText);
        }

        return ExitCodes.Success;
    }
}
