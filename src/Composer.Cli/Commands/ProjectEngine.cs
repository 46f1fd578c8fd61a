using Composer.Cli.Hosting;
using Composer.Engine.Contracts;
using Composer.Model;

namespace Composer.Cli.Commands;

/// <summary>
/// What the inspection verbs (port, top, events, cp, wait, stats) start with: the project (or just its name from -p),
/// the named services checked, and an engine that answered. They print no progress view, only data.
/// </summary>
internal static class ProjectEngine
{
    public static async Task<(Project Project, IEngine Engine)> OpenAsync(
        CommandInvocation invocation, IReadOnlyList<string> services, CancellationToken cancellationToken)
    {
        var project = await invocation.LoadProjectOrNameAsync(services, cancellationToken);
        ServiceNames.EnsureKnown(project, services);
        return (project, await EngineSession.ConnectEngineAsync(invocation, invocation.Output.Warn, cancellationToken));
    }

    /// <summary>--index is a replica number: 1 or more.</summary>
    public static int? CheckIndex(int? index) =>
        index is <= 0 ? throw new UsageException("--index must be a positive number") : index;
}
