using Composer.Engine.Contracts;
using Composer.Engine.Validation;
using Composer.Model;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Preflight;

/// <summary>
/// What is checked before the engine is changed: attributes Composer cannot apply, features this engine's API
/// version lacks (asked from the engine, a query), the socket use_api_socket needs; then one warning per swarm-only
/// deploy setting. Every problem is one line naming the service and attribute, all thrown together.
/// </summary>
public static class EngineChecks
{
    public static async Task CheckAsync(OrchestrationContext context, Project project, IReadOnlyList<string>? services, CancellationToken cancellationToken)
    {
        ServiceSupportValidator.ThrowIfUnsupported(project, services);
        var selected = services ?? [.. project.Services.Keys];
        var version = await context.Engine.ApiVersionAsync(cancellationToken);
        var problems = EngineVersionValidator.Problems(project, selected, version)
            .Concat(ApiSocket.Problems(project, selected, context.Engine.Endpoint))
            .ToList();
        if (problems.Count > 0)
        {
            throw new UnsupportedServiceException(problems);
        }

        foreach (var warning in DeployWarnings.For(project, selected))
        {
            context.Progress.Warn(warning);
        }
    }
}
