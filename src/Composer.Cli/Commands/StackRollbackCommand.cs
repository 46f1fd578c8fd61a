using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack rollback SERVICE</c>: back to the service's previous spec.</summary>
internal static class StackRollbackCommand
{
    private static readonly Argument<string> Service = new("SERVICE");
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Do not wait for the rollback to complete" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "rollback", "Revert a stack service to its previous spec", context, RunAsync, Service, Detach);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var stack = await StackNames.ResolveAsync(invocation, null, cancellationToken);
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        await new StackServiceControl(session.Orchestration).RollbackAsync(stack, parse.GetValue(Service)!, !parse.GetValue(Detach), cancellationToken);
        return ExitCodes.Success;
    }
}
