using Composer.Cli.Hosting;

namespace Composer.Cli.Logs;

/// <summary>Whether log prefixes are coloured: --no-color and --ansi decide, else only on a terminal without NO_COLOR.</summary>
internal static class LogColours
{
    public static bool Enabled(CommandInvocation invocation, bool noColor)
    {
        if (noColor)
        {
            return false;
        }

        return GlobalOptions.AnsiMode(invocation.ParseResult, invocation.Context).ToLowerInvariant() switch
        {
            "always" => true,
            "never" => false,
            _ => invocation.Context.OutputIsTerminal && !invocation.Context.Environment.ContainsKey("NO_COLOR"),
        };
    }
}
