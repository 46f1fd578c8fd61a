using Composer.Cli.Hosting;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Cli.Commands;

/// <summary>What exec and attach share: a checked replica index, and the project with a live engine connection.</summary>
internal static class InteractiveTarget
{
    public static int CheckedIndex(int index) => ProjectEngine.CheckIndex(index) ?? index;

    /// <summary>Loads the project, checks the service is in it, and connects to the engine; the caller disposes the engine.</summary>
    public static async Task<(Project Project, IEngine Engine)> OpenAsync(CommandInvocation invocation, string service, CancellationToken cancellationToken)
    {
        var project = await invocation.LoadProjectAsync([service], cancellationToken);
        ServiceNames.EnsureKnown(project, [service]);
        return (project, await EngineSession.ConnectEngineAsync(invocation, invocation.Output.Warn, cancellationToken));
    }
}
