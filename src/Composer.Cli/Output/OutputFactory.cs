using Composer.Cli.Hosting;

namespace Composer.Cli.Output;

/// <summary>Chooses the renderer from --progress and --ansi the way docker compose does: auto means tty on a terminal.</summary>
internal static class OutputFactory
{
    public static IConsoleOutput Create(string progress, string ansi, CliContext context)
    {
        var mode = progress.ToLowerInvariant() switch
        {
            "tty" => OutputMode.Tty,
            "plain" => OutputMode.Plain,
            "json" => OutputMode.Json,
            "quiet" => OutputMode.Quiet,
            "auto" => context.ErrorIsTerminal ? OutputMode.Tty : OutputMode.Plain,
            _ => throw new UsageException($"--progress must be one of auto, tty, plain, json, quiet (got '{progress}')"),
        };
        var noColor = context.Environment.ContainsKey("NO_COLOR");
        var useColor = ansi.ToLowerInvariant() switch
        {
            "always" => true,
            "never" => false,
            "auto" => context.ErrorIsTerminal && !noColor,
            _ => throw new UsageException($"--ansi must be one of never, always, auto (got '{ansi}')"),
        };
        return new ConsoleOutput(context, mode, useColor, GlobalOptions.Switch(context, "COMPOSE_STATUS_STDOUT"));
    }
}
