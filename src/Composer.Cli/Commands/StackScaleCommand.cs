using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack scale web=3 worker=0</c>: replicas only, nothing else of the services changes.</summary>
internal static class StackScaleCommand
{
    private static readonly Argument<string[]> Pairs = new("SERVICE=N") { Arity = ArgumentArity.OneOrMore };
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Do not wait for the replicas to run" };
    private static readonly Option<int?> WaitTimeout = new("--wait-timeout") { Description = "Seconds to wait for the replicas" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "scale", "Set the number of replicas of stack services", context, RunAsync, Pairs, Detach, WaitTimeout);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var parse = invocation.ParseResult;
        var scale = ScaleArguments.Parse(parse.GetValue(Pairs) ?? []);
        var stack = await StackNames.ResolveAsync(invocation, null, cancellationToken);
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        await new StackServiceControl(session.Orchestration).ScaleAsync(stack, scale, !parse.GetValue(Detach), Durations.Seconds(parse.GetValue(WaitTimeout)), cancellationToken);
        return ExitCodes.Success;
    }
}
