using System.CommandLine;
using Composer.Cli.Output;
using Composer.Engine.Contracts;
using Composer.Model;
using Composer.Orchestration.Execution;
using Composer.Orchestration.Inspection;
using Composer.Orchestration.Readiness;
using Composer.Orchestration.Watch;
using Composer.Planning;
using Composer.Loader.Diagnostics;

namespace Composer.Cli.Hosting;

/// <summary>
/// Runs a command's action and turns every failure into a short message and an exit code: users never see a stack
/// trace (set COMPOSER_DEBUG=1 to get one when reporting a bug).
/// </summary>
internal static class CommandRunner
{
    /// <summary>A verb with its options and arguments (in the order given), whose action runs through <see cref="SetAction"/>.</summary>
    public static Command Define(
        string name,
        string description,
        CliContext context,
        Func<CommandInvocation, CancellationToken, Task<int>> action,
        params IEnumerable<Symbol> symbols)
    {
        var command = new Command(name, description);
        foreach (var symbol in symbols)
        {
            switch (symbol)
            {
                case Option option:
                    command.Options.Add(option);
                    break;
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                default:
                    throw new ArgumentException($"'{symbol.Name}' is neither an option nor an argument", nameof(symbols));
            }
        }

        SetAction(command, context, action);
        return command;
    }

    public static void SetAction(Command command, CliContext context, Func<CommandInvocation, CancellationToken, Task<int>> action)
    {
        command.SetAction((ParseResult parseResult, CancellationToken cancellationToken) =>
            RunAsync(parseResult, context, action, cancellationToken));
    }

    private static async Task<int> RunAsync(
        ParseResult parseResult,
        CliContext context,
        Func<CommandInvocation, CancellationToken, Task<int>> action,
        CancellationToken cancellationToken)
    {
        IConsoleOutput output;
        try
        {
            output = OutputFactory.Create(parseResult.GetValue(GlobalOptions.Progress) ?? "auto", parseResult.GetValue(GlobalOptions.Ansi) ?? "auto", context);
        }
        catch (UsageException usage)
        {
            context.Error.WriteLine("error: " + usage.Message);
            return ExitCodes.Usage;
        }

        try
        {
            return await action(new CommandInvocation(parseResult, context, output), cancellationToken);
        }
        catch (LoadException load)
        {
            foreach (var diagnostic in load.Diagnostics)
            {
                output.Error(diagnostic.ToString());
            }

            return ExitCodes.Failure;
        }
        catch (UsageException usage)
        {
            output.Error(usage.Message);
            return ExitCodes.Usage;
        }
        catch (Exception failure) when (failure is EngineException or UnsupportedServiceException or PlanExecutionException
            or DependencyFailedException or DependencyCycleException or PlanningException or InspectionException
            or Orchestration.Stack.StackException or WatchException)
        {
            // These already carry one readable line per problem, written by the layer that knew the cause.
            output.Error(failure.Message);
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            output.Error("interrupted");
            return ExitCodes.Interrupted;
        }
        catch (Exception unexpected) when (!context.Environment.ContainsKey("COMPOSER_DEBUG"))
        {
            output.Error(ErrorMessages.Describe(unexpected));
            return ExitCodes.Failure;
        }
    }
}
