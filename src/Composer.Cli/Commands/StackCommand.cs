using System.CommandLine;
using Composer.Cli.Hosting;

namespace Composer.Cli.Commands;

/// <summary><c>composer stack ...</c>: the compose project on a Swarm, compatible with docker stack.</summary>
internal static class StackCommand
{
    public static Command Create(CliContext context)
    {
        var stack = new Command("stack", "Deploy and manage compose projects as stacks on a Docker Swarm");
        stack.Subcommands.Add(StackDeployCommand.Create(context));
        stack.Subcommands.Add(StackRmCommand.Create(context));
        stack.Subcommands.Add(StackLsCommand.Create(context));
        stack.Subcommands.Add(StackServicesCommand.Create(context));
        stack.Subcommands.Add(StackPsCommand.Create(context));
        stack.Subcommands.Add(StackScaleCommand.Create(context));
        stack.Subcommands.Add(StackRollbackCommand.Create(context));
        stack.Subcommands.Add(StackLogsCommand.Create(context));
        return stack;
    }
}
