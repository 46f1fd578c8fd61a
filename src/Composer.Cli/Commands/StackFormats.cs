using Composer.Cli.Hosting;

namespace Composer.Cli.Commands;

/// <summary>--format of the stack listings: table (the default) or json (one object per line, as docker prints them).</summary>
internal static class StackFormats
{
    public static bool IsJson(string? format) => (format ?? "table") switch
    {
        "table" => false,
        "json" => true,
        _ => throw new UsageException($"--format must be table or json, not {format}"),
    };
}
