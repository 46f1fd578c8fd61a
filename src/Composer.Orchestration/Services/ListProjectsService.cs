using Composer.Model;

namespace Composer.Orchestration.Services;

/// <summary><c>ls</c>: every project that has containers on the engine, found by the project label.</summary>
public sealed class ListProjectsService(OrchestrationContext context)
{
    /// <param name="all">Include projects whose containers are all stopped.</param>
    public async Task<IReadOnlyList<ProjectRow>> ListAsync(bool all, CancellationToken cancellationToken)
    {
        var containers = await context.Engine.ListContainersAsync(
            new Dictionary<string, string?>(StringComparer.Ordinal) { [ComposeLabels.Project] = null }, cancellationToken);
        return [.. containers
            .GroupBy(container => container.Labels[ComposeLabels.Project], StringComparer.Ordinal)
            .Where(project => all || project.Any(container => container.State == "running"))
            .OrderBy(project => project.Key, StringComparer.Ordinal)
            .Select(project => new ProjectRow(
                project.Key,
                string.Join(", ", project.GroupBy(container => container.State, StringComparer.Ordinal)
                    .OrderBy(state => state.Key, StringComparer.Ordinal)
                    .Select(state => $"{state.Key}({state.Count()})")),
                string.Join(",", project.Select(container => container.Labels.GetValueOrDefault(ComposeLabels.ConfigFiles) ?? "")
                    .Where(files => files.Length > 0).Distinct(StringComparer.Ordinal)),
                project.Select(container => container.Labels.GetValueOrDefault(ComposeLabels.WorkingDir) ?? "").FirstOrDefault(dir => dir.Length > 0) ?? ""))];
    }
}
