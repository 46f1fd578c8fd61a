using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer scale web=3 db=1</c>.</summary>
internal static class ScaleCommand
{
    private static readonly Option<bool> NoDeps = new("--no-deps") { Description = "Do not start linked services" };
    private static readonly Argument<string[]> Pairs = new("SERVICE=N") { Arity = ArgumentArity.OneOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "scale", "Set the number of containers of services", context, RunAsync,
        NoDeps, PlanFormat.Option, Pairs);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var scale = ScaleArguments.Parse(invocation.ParseResult.GetValue(Pairs) ?? []);
        var noDeps = invocation.ParseResult.GetValue(NoDeps);
        return VerbExecution.RunAsync(invocation, [.. scale.Keys], (orchestration, project, dryRun, token) =>
            new ScaleService(orchestration).ScaleAsync(project, new ScaleOptions { Scale = scale, NoDeps = noDeps, DryRun = dryRun }, token),
            cancellationToken);
    }
}
