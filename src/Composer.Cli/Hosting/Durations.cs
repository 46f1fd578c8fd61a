namespace Composer.Cli.Hosting;

internal static class Durations
{
    /// <summary>Whole seconds from a -t/--timeout style option; null stays null (the service's own default).</summary>
    public static TimeSpan? Seconds(int? seconds) =>
        seconds switch
        {
            null => null,
            < 0 => throw new UsageException("a timeout cannot be negative"),
            _ => TimeSpan.FromSeconds(seconds.Value),
        };
}
