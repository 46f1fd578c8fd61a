using System.CommandLine;
using Composer.Cli.Hosting;

namespace Composer.Cli.Completion;

/// <summary><c>composer completion bash|zsh|fish</c>: prints the shell's completion script.</summary>
internal static class CompletionCommand
{
    private static readonly Argument<string> Shell = new("shell") { Description = "bash, zsh or fish" };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "completion", "Generate the shell completion script (bash, zsh or fish)", context, (invocation, _) =>
        {
            invocation.Output.WriteData(CompletionScripts.For(invocation.ParseResult.GetValue(Shell)!.ToLowerInvariant()));
            return Task.FromResult(ExitCodes.Success);
        }, Shell);
}
