using Composer.Cli.Hosting;
using Composer.Model;
using Composer.Orchestration.Watch;

namespace Composer.Cli.Commands;

/// <summary>What <c>watch</c> and <c>up --watch</c> share: the watch options with a reload from the same files and flags.</summary>
internal static class WatchSetup
{
    public static WatchOptions Options(CommandInvocation invocation, Project project, IReadOnlyList<string> services, bool prune, bool noBuild)
    {
        var envFiles = invocation.ParseResult.GetValue(GlobalOptions.EnvFiles) ?? [];
        IReadOnlyList<string> projectFiles = envFiles.Length > 0
            ? [.. envFiles.Select(file => Path.GetFullPath(file, invocation.Context.WorkingDirectory))]
            : [Path.Combine(project.WorkingDirectory, ".env")];
        return new WatchOptions
        {
            Services = services,
            Prune = prune,
            NoBuild = noBuild,
            ProjectFiles = projectFiles,
            Reload = project.ConfigFiles.Contains("-") ? null : token => invocation.LoadProjectAsync(services, token),
        };
    }
}
