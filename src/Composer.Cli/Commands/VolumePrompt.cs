using Composer.Cli.Hosting;
using Composer.Model;
using Composer.Orchestration.Services;

namespace Composer.Cli.Commands;

/// <summary>
/// up and create on a terminal: for each volume whose definition changed, ask whether to recreate it, as docker compose
/// asks (default no). Never asked with -y, with --dry-run, or when standard input or error is not a terminal: then a
/// changed volume is kept with a warning (or recreated with -y).
/// </summary>
internal static class VolumePrompt
{
    public static async Task<UpOptions> AskAsync(CommandInvocation invocation, EngineSession session, Project project, UpOptions options, CancellationToken cancellationToken)
    {
        var context = invocation.Context;
        if (options.AssumeYes || options.DryRun || options.NoRecreate || !context.InputIsTerminal || !context.ErrorIsTerminal
            || !project.Volumes.Values.Any(volume => !volume.External))
        {
            return options;
        }

        var agreed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in await UpService.ChangedVolumesAsync(session.Engine, project, options, cancellationToken))
        {
            await context.Error.WriteAsync(
                $"Volume \"{change.Name}\" exists but doesn't match configuration in compose file ({change.Change}). Recreate (data will be lost)? [y/N] ");
            await context.Error.FlushAsync(cancellationToken);
            var answer = (await context.In.ReadLineAsync(cancellationToken))?.Trim().ToLowerInvariant();
            if (answer is "y" or "yes")
            {
                agreed.Add(change.Key);
            }
        }

        return options with { RecreateVolumes = agreed };
    }
}
