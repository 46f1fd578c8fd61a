using Composer.Cli.Hosting;
using Composer.Model;
using Composer.Orchestration.Services;
using Composer.Orchestration.Watch;

namespace Composer.Cli.Commands;

/// <summary>What <c>watch</c> and <c>up --watch</c> share: the watch options with a reload from the same files and flags, and the up
/// options the reloads and rebuilds bring services up with.</summary>
internal static class WatchSetup
{
    public static WatchOptions Options(CommandInvocation invocation, Project project, UpOptions up, bool prune)
    {
        var envFiles = invocation.ParseResult.GetValue(GlobalOptions.EnvFiles) ?? [];
        IReadOnlyList<string> projectFiles = envFiles.Length > 0
            ? [.. envFiles.Select(file => Path.GetFullPath(file, invocation.Context.WorkingDirectory))]
            : [Path.Combine(project.WorkingDirectory, ".env")];
        return new WatchOptions
        {
            Services = up.Services,
            Prune = prune,
            Up = up,
            ProjectFiles = projectFiles,
            Reload = project.ConfigFiles.Contains("-") ? null : token => invocation.LoadProjectAsync(up.Services, token),
        };
    }
}
