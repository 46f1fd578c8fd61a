using System.CommandLine;
using Composer.Cli.Hosting;
using Composer.Orchestration.Stack;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack rm [STACK...]</c>: services, secrets, configs and networks of the stacks.</summary>
internal static class StackRmCommand
{
    private static readonly Argument<string[]> Stacks = new("STACK") { Arity = ArgumentArity.ZeroOrMore, Description = "Stack names (default: the project name)" };
    private static readonly Option<bool> Detach = new("--detach", "-d") { Description = "Do not wait until tasks and networks are gone" };

    public static Command Create(CliContext context)
    {
        var command = CommandRunner.Define("rm", "Remove one or more stacks", context, RunAsync, Stacks, Detach);
        command.Aliases.Add("remove");
        command.Aliases.Add("down");
        return command;
    }

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var named = invocation.ParseResult.GetValue(Stacks) ?? [];
        var stacks = named.Length > 0 ? [.. named.Select(StackNames.Check)] : new[] { await StackNames.ResolveAsync(invocation, null, cancellationToken) };
        await using var session = await EngineSession.OpenAsync(invocation, cancellationToken);
        var wait = !invocation.ParseResult.GetValue(Detach);
        foreach (var stack in stacks)
        {
            if (!await new StackRemoveService(session.Orchestration).RemoveAsync(stack, wait, cancellationToken))
            {
                session.Progress.Warn($"nothing found in stack: {stack}");
            }
        }

        return ExitCodes.Success;
    }
}
