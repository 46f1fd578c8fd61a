using System.Globalization;
using System.Text.RegularExpressions;

namespace Composer.Orchestration.Logs;

/// <summary>
/// Reads --since and --until the way docker does: a Unix timestamp, an RFC 3339 date (or just a date), or a duration
/// before now such as 10m or 1h30m. Gives the engine's form, seconds and nanoseconds.
/// </summary>
public static partial class LogTime
{
    public static string ToEngineTime(string value, DateTimeOffset now)
    {
        var text = value.Trim();
        if (UnixPattern().IsMatch(text))
        {
            return text;
        }

        if (DurationPattern().Match(text) is { Success: true } duration)
        {
            return Format(now - ParseDuration(duration));
        }

        string[] layouts = ["yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd"];
        if (DateTimeOffset.TryParseExact(text, layouts, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            return Format(date);
        }

        throw new FormatException($"'{value}' is not a timestamp (2013-01-02T13:23:37Z), a Unix time or a duration (42m)");
    }

    public static string Format(DateTimeOffset time)
    {
        var ticks = (time.UtcDateTime - DateTime.UnixEpoch).Ticks;
        var seconds = Math.DivRem(ticks, TimeSpan.TicksPerSecond, out var remainder);
        return string.Create(CultureInfo.InvariantCulture, $"{seconds}.{remainder * 100:D9}");
    }

    private static TimeSpan ParseDuration(Match match)
    {
        var total = TimeSpan.Zero;
        foreach (Capture part in match.Groups["part"].Captures)
        {
            var unitStart = part.Value.IndexOfAny(['h', 'm', 's', 'u', 'µ', 'n']);
            var amount = double.Parse(part.Value[..unitStart], CultureInfo.InvariantCulture);
            total += part.Value[unitStart..] switch
            {
                "h" => TimeSpan.FromHours(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "ms" => TimeSpan.FromMilliseconds(amount),
                "us" or "µs" => TimeSpan.FromMicroseconds(amount),
                _ => TimeSpan.FromTicks((long)(amount / 100)),
            };
        }

        return total;
    }

    [GeneratedRegex(@"^\d+(\.\d{1,9})?$")]
    private static partial Regex UnixPattern();

    [GeneratedRegex(@"^(?<part>\d+(\.\d+)?(h|ms|m|s|us|µs|ns))+$")]
    private static partial Regex DurationPattern();
}
