using Composer.Cli.Commands;
using Composer.Cli.Output;
using Composer.Model;
using Composer.Orchestration;
using Composer.Orchestration.Services;

namespace Composer.Cli.Hosting;

/// <summary>
/// The shape every plan-making command shares: load the project, check the named services, open the engine, run the
/// verb, and print the plan instead when --dry-run asked for it.
/// </summary>
internal static class VerbExecution
{
    public static async Task<int> RunAsync(
        CommandInvocation invocation,
        IReadOnlyList<string> serviceNames,
        Func<OrchestrationContext, Project, bool, CancellationToken, Task<VerbResult>> verb,
        CancellationToken cancellationToken,
        Func<EngineSession, Project, bool, CancellationToken, Task>? beforeProgress = null)
    {
        PlanFormat.IsJson(invocation);
        await using var session = EngineSession.Connect(invocation, cancellationToken);
        var project = await invocation.LoadProjectOrNameAsync(serviceNames, cancellationToken);
        if (project.Services.Count > 0 || project.DisabledServices.Count > 0)
        {
            // A project known only by -p: its services come from the engine, and the planner checks the names.
            ServiceNames.EnsureKnown(project, serviceNames);
        }

        var dryRun = invocation.ParseResult.GetValue(GlobalOptions.DryRun);
        if (beforeProgress is not null)
        {
            // Questions for the user (create's changed-volume prompt) come before the progress view takes the terminal.
            await beforeProgress(session, project, dryRun, cancellationToken);
        }

        await session.ReadyAsync();
        var result = await verb(session.Orchestration, project, dryRun, cancellationToken);
        await session.CloseProgressAsync();
        if (!result.Executed)
        {
            PlanFormat.Write(invocation, result.Plan, project.Name);
        }

        return ExitCodes.Success;
    }
}
