using Composer.Engine.Contracts;
using Composer.Engine.Validation;
using Composer.Model;
using Composer.Orchestration.Progress;

namespace Composer.Orchestration.Preflight;

/// <summary>
/// What is checked before the engine is changed, the same for <c>up</c>, <c>create</c> and <c>run</c>: attributes
/// Composer cannot apply, features this engine's API version lacks (asked from the engine, a query), the socket
/// use_api_socket needs; then one warning per swarm-only deploy setting. Every problem is one line naming the service
/// and attribute, all thrown together. <see cref="PrepareAsync"/> then applies what is done on the client side
/// (use_api_socket), so that every verb creates containers from the same project.
/// </summary>
public static class EngineChecks
{
    /// <summary>
    /// Checks the <paramref name="services"/> (null: all) and returns the project as containers are created from it.
    /// With <paramref name="allResources"/> the networks no selected service uses are checked too: they are created.
    /// </summary>
    public static async Task<Project> PrepareAsync(
        OrchestrationContext context, Project project, IReadOnlyList<string>? services, bool allResources, CancellationToken cancellationToken)
    {
        await CheckAsync(context, project, services, allResources, cancellationToken);
        return ApiSocket.Apply(project, context.Engine.Endpoint, context.Credentials);
    }

    public static async Task CheckAsync(
        OrchestrationContext context, Project project, IReadOnlyList<string>? services, bool allResources, CancellationToken cancellationToken)
    {
        ServiceSupportValidator.ThrowIfUnsupported(project, services);
        var selected = services ?? [.. project.Services.Keys];
        var version = await context.Engine.ApiVersionAsync(cancellationToken);
        var problems = EngineVersionValidator.Problems(project, selected, version, allResources)
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
