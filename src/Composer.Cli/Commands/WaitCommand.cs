using System.CommandLine;
using System.Globalization;
using Composer.Cli.Hosting;
using Composer.Orchestration;
using Composer.Orchestration.Inspection;
using Composer.Orchestration.Progress;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary>
/// <c>composer wait SERVICE...</c>: blocks until the services' containers stop, printing each exit code as it comes;
/// exits with the code of the first container that stopped. --down-project takes the project down at that point.
/// </summary>
internal static class WaitCommand
{
    private static readonly Option<bool> DownProject = new("--down-project") { Description = "Drop the project when the first container stops" };
    private static readonly Argument<string[]> Services = new("services") { Arity = ArgumentArity.OneOrMore };

    public static Command Create(CliContext context) => CommandRunner.Define(
        "wait", "Block until containers of all (or specified) services stop", context, RunAsync, DownProject, Services);

    private static async Task<int> RunAsync(CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var services = invocation.ParseResult.GetValue(Services) ?? [];
        var down = invocation.ParseResult.GetValue(DownProject);
        var (project, engine) = await ProjectEngine.OpenAsync(invocation, services, cancellationToken);
        using (engine)
        {
            if (invocation.ParseResult.GetValue(Hosting.GlobalOptions.DryRun))
            {
                // Nothing is waited for or taken down: what would happen, then the down plan.
                var plan = $"Wait for {string.Join(", ", services)} to stop";
                if (down)
                {
                    var downPlan = await new DownService(new OrchestrationContext(engine, NullProgressSink.Instance)).DownAsync(project, new DownOptions { DryRun = true }, cancellationToken);
                    plan += "\n" + downPlan.PlanText;
                }

                invocation.Output.WriteData(plan);
                return ExitCodes.Success;
            }

            var code = await new WaitService(engine).WaitAsync(project.Name, services, firstOnly: down,
                (_, exitCode) => invocation.Output.WriteData(exitCode.ToString(CultureInfo.InvariantCulture)), cancellationToken);
            if (down)
            {
                await new DownService(new OrchestrationContext(engine, NullProgressSink.Instance)).DownAsync(project, new DownOptions(), cancellationToken);
            }

            // Exit statuses are 0-255; the engine reports -1 for a container it could not start.
            return (int)(code & 0xFF);
        }
    }
}
