using System.CommandLine;
using Composer.Cli.Hosting;

namespace Composer.Cli.Commands;

/// <summary><c>composer help [COMMAND]</c>: the same text as <c>composer [COMMAND] --help</c>.</summary>
internal static class HelpCommand
{
    private static readonly Argument<string[]> Names = new("command") { Description = "The command to describe", Arity = ArgumentArity.ZeroOrMore };

    public static Command Create(RootCommand root, CliContext context) => CommandRunner.Define(
        "help", "Help about any command", context, async (invocation, cancellationToken) =>
        {
            var names = invocation.ParseResult.GetValue(Names) ?? [];
            Command current = root;
            foreach (var name in names)
            {
                current = current.Subcommands.FirstOrDefault(sub => sub.Name == name || sub.Aliases.Contains(name))
                    ?? throw new UsageException($"unknown command \"{name}\" for \"help\"");
            }

            var configuration = new InvocationConfiguration { Output = context.Out, Error = context.Error };
            return await root.Parse([.. names, "--help"]).InvokeAsync(configuration, cancellationToken);
        }, Names);
}
