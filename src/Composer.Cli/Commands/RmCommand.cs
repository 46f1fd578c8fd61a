using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Cli.Output;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary><c>composer rm</c>: remove stopped service containers (running ones too with -s).</summary>
internal static class RmCommand
{
    private static readonly Option<bool> Force = new("--force", "-f") { Description = "Don't ask to confirm removal" };
    private static readonly Option<bool> Stop = new("--stop", "-s") { Description = "Stop the containers first if needed" };
    private static readonly Option<bool> Volumes = new("--volumes", "-v") { Description = "Remove anonymous volumes attached to containers" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "rm", "Remove stopped service containers", context, RunAsync,
        Force, Stop, Volumes, PlanFormat.Option, Services);

    private static Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        // Composer never prompts (nothing may wait on a terminal in scripts), so -f is accepted and implied.
        var parse = invocation.ParseResult;
        var names = parse.GetValue(Services) ?? [];
        return VerbExecution.RunAsync(invocation, names, (orchestration, project, dryRun, token) =>
            new RemoveService(orchestration).RemoveAsync(project, new RemoveOptions
            {
                Services = names,
                Stop = parse.GetValue(Stop),
                Volumes = parse.GetValue(Volumes),
                DryRun = dryRun,
            }, token), cancellationToken);
    }
}
