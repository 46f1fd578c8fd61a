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
        return (project, await ConnectAsync(cancellationToken));
    }

    /// <summary>An engine that answered a ping; the caller disposes it.</summary>
    public static async Task<IEngine> ConnectAsync(CancellationToken cancellationToken)
    {
        var engine = EngineFactory.Create(new EngineOptions());
        try
        {
            await engine.PingAsync(cancellationToken);
            return engine;
        }
        catch
        {
            engine.Dispose();
            throw;
        }
    }

    /// <summary>--index is a replica number: 1 or more.</summary>
    public static int? CheckIndex(int? index) =>
        index is <= 0 ? throw new UsageException("--index must be a positive number") : index;
}
